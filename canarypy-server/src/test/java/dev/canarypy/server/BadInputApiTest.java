package dev.canarypy.server;

import static dev.canarypy.server.support.Api.quote;
import static dev.canarypy.server.support.Api.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint fed bad input: each rejection is a problem details reply with a 4xx status and a
 * detail that names the field or value, leaks nothing internal and stores nothing.
 */
@ServerTest
class BadInputApiTest {

  /** Package names that would reveal a Java class in a reply body. */
  private static final Pattern JAVA_CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|dev\\.canarypy|org\\.springframework|org\\.apache|org\\.h2"
              + "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|com\\.zaxxer)\\.[A-Za-z]");

  private static final String STABLE_VERSION = "1.0.0";
  private static final List<String> ACTIONS = List.of("promote", "rollback", "pause", "resume");

  @LocalServerPort int port;
  Api api;
  String suffix;

  /** The fixture product's name, with a space so every path must be URL-encoded. */
  String name;

  /** The fixture product's artifact URL, with a slash. */
  String artifactUrl;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    suffix = UUID.randomUUID().toString().substring(0, 8);
    name = "bad input " + suffix;
    artifactUrl = "registry.example.com/bad-input-" + suffix;
    assertThat(api.createProduct(name, artifactUrl).status()).isEqualTo(201);
    assertThat(api.createRelease(artifactUrl, STABLE_VERSION, null).status()).isEqualTo(201);
  }

  // Requests, each checked for what no reply may contain.

  private Reply get(String path) {
    return checked(api.get(path));
  }

  private Reply post(String path, String body) {
    return checked(api.post(path, body));
  }

  private Reply send(HttpRequest.Builder request) {
    return checked(api.send(request));
  }

  private static Reply checked(Reply reply) {
    assertThat(reply.status()).as("status of the reply %s", reply.body()).isLessThan(500);
    assertThat(reply.body()).doesNotContain("Exception");
    assertThat(reply.body()).doesNotContain("at dev.");
    assertThat(reply.body()).doesNotContain("SQL");
    assertThat(reply.body()).doesNotContainPattern(JAVA_CLASS_NAME);
    return reply;
  }

  // Request bodies as maps from field name to raw JSON value.

  private static String object(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> quote(field.getKey()) + ": " + field.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static Map<String, String> with(Map<String, String> fields, String key, String raw) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put(key, raw);
    return copy;
  }

  private static Map<String, String> without(Map<String, String> fields, String key) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    assertThat(copy.remove(key)).as("field %s in the valid body", key).isNotNull();
    return copy;
  }

  private Map<String, String> productFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", quote("new product " + suffix));
    fields.put("repository_url", quote("https://git.example.com/new-" + suffix));
    fields.put("artifact_url", quote("registry.example.com/new-" + suffix));
    return fields;
  }

  private Map<String, String> releaseFields(String version) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("artifact_url", quote(artifactUrl));
    fields.put("semver_version", quote(version));
    return fields;
  }

  private Map<String, String> signalFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("artifact_url", quote(artifactUrl));
    fields.put("semver_version", quote(STABLE_VERSION));
    fields.put("instance_id", quote("worker-1"));
    fields.put("description", quote("nightly run"));
    fields.put("status", quote("success"));
    return fields;
  }

  private String productPath() {
    return "/release/" + segment(name);
  }

  private String actionPath(String version, String action) {
    return productPath() + "/" + segment(version) + "/" + action;
  }

  // What the server stores, read back through the API.

  private record StoredState(List<String> products, List<String> releases, List<String> signals) {}

  private StoredState storedState() {
    List<String> products = new ArrayList<>();
    for (JsonNode product : get("/product").json()) {
      products.add(product.path("id").asString() + " " + product.path("name").asString());
    }
    List<String> releases = new ArrayList<>();
    for (JsonNode release : get(productPath()).json()) {
      releases.add(
          release.path("semver_version").asString()
              + " "
              + release.path("status").asString()
              + " successes="
              + release.path("signals").path("successes").asLong()
              + " failures="
              + release.path("signals").path("failures").asLong());
    }
    List<String> signals = new ArrayList<>();
    for (JsonNode signal : get("/signal?product=" + segment(name) + "&limit=1000").json()) {
      signals.add(signal.path("id").asString());
    }
    return new StoredState(products, releases, signals);
  }

  /** Sends a request that must be rejected, and asserts that it changed nothing stored. */
  private Reply rejected(Supplier<Reply> request) {
    StoredState before = storedState();

    Reply reply = request.get();

    assertThat(reply.status()).as("status of the reply %s", reply.body()).isBetween(400, 499);
    assertThat(storedState()).as("stored data after the reply %s", reply.body()).isEqualTo(before);
    return reply;
  }

  private static Reply assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as("status of the reply %s", reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    assertThat(reply.detail()).isNotBlank();
    return reply;
  }

  /** Asserts a 422 whose errors list the field with a message containing {@code messagePart}. */
  private static void assertFieldError(Reply reply, String field, String messagePart) {
    assertProblem(reply, 422);
    JsonNode errors = reply.json().path("errors");
    assertThat(errors.isArray()).as("errors of %s", reply.body()).isTrue();
    List<String> messages = new ArrayList<>();
    for (JsonNode error : errors) {
      if (field.equals(error.path("field").asString())) {
        messages.add(error.path("message").asString());
      }
    }
    assertThat(messages).as("messages for %s in %s", field, reply.body()).isNotEmpty();
    assertThat(String.join(" | ", messages)).contains(messagePart);
    assertThat(reply.detail()).contains(field);
  }

  private long signalCount(String version, String outcome) {
    return get(productPath() + "/" + segment(version))
        .json()
        .path("signals")
        .path(outcome)
        .asLong();
  }

  // POST /product

  @ParameterizedTest
  @ValueSource(strings = {"name", "repository_url", "artifact_url"})
  void productMissingField(String field) {
    Reply reply = rejected(() -> post("/product", object(without(productFields(), field))));

    assertFieldError(reply, field, "is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "repository_url", "artifact_url"})
  void productBlankField(String field) {
    Reply reply = rejected(() -> post("/product", object(with(productFields(), field, "\"  \""))));

    assertFieldError(reply, field, "is required");
  }

  static Stream<Arguments> productWrongTypes() {
    return Stream.of(
        Arguments.of("name", "[]", "a string"),
        Arguments.of("name", "{}", "a string"),
        Arguments.of("repository_url", "[\"x\"]", "a string"),
        Arguments.of("artifact_url", "{\"url\": \"x\"}", "a string"));
  }

  @ParameterizedTest
  @MethodSource("productWrongTypes")
  void productWrongType(String field, String raw, String expected) {
    Reply reply = rejected(() -> post("/product", object(with(productFields(), field, raw))));

    assertFieldError(reply, field, expected);
  }

  @Test
  void productNameOverLimit() {
    String longName = "n".repeat(201);

    Reply reply =
        rejected(() -> post("/product", object(with(productFields(), "name", quote(longName)))));

    assertFieldError(reply, "name", "at most 200 characters");
  }

  @Test
  void productNameAtLimitIsAccepted() {
    String longName = suffix + "n".repeat(200 - suffix.length());

    Reply reply = post("/product", object(with(productFields(), "name", quote(longName))));

    assertThat(reply.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"with/slash", "back\\slash", ".", "..", "tab\there", "line\nbreak"})
  void productNameUnusableInPaths(String invalidName) {
    Reply reply =
        rejected(() -> post("/product", object(with(productFields(), "name", quote(invalidName)))));

    assertFieldError(reply, "name", "URL paths");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1,", "nonsense", "", "{\"name\": }"})
  void productMalformedJson(String body) {
    Reply reply = rejected(() -> post("/product", body));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("JSON");
  }

  @Test
  void productMalformedJsonWithoutContentType() {
    Reply reply = rejected(() -> checked(api.postWithoutContentType("/product", "{")));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("not valid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"name\": \"x\"}]"})
  void productArrayInsteadOfObject(String body) {
    Reply reply = rejected(() -> post("/product", body));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("must be a JSON object").contains("JSON array");
  }

  @Test
  void releaseBareNaNThreshold() {
    Reply reply =
        rejected(() -> post("/release", object(with(releaseFields("2.0.0"), "threshold", "NaN"))));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("'NaN' is not valid JSON").doesNotContain("enable");
  }

  @Test
  void productTrailingContent() {
    Reply reply = rejected(() -> post("/product", object(productFields()) + " {}"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("more content");
  }

  @Test
  void productDuplicateName() {
    Reply reply =
        rejected(() -> post("/product", object(with(productFields(), "name", quote(name)))));

    assertProblem(reply, 409);
    assertThat(reply.detail()).contains(name);
  }

  @Test
  void productDuplicateArtifactUrl() {
    Reply reply =
        rejected(
            () ->
                post(
                    "/product", object(with(productFields(), "artifact_url", quote(artifactUrl)))));

    assertProblem(reply, 409);
    assertThat(reply.detail()).contains(artifactUrl);
  }

  @Test
  void productUnknownId() {
    String id = UUID.randomUUID().toString();

    Reply reply = rejected(() -> get("/product/" + id));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(id);
  }

  @Test
  void productMalformedId() {
    Reply reply = rejected(() -> get("/product/not-a-uuid"));

    assertFieldError(reply, "id", "not-a-uuid");
  }

  @Test
  void productDeleteIsNotAllowed() {
    Reply reply = rejected(() -> send(HttpRequest.newBuilder(api.uri("/product")).DELETE()));

    assertProblem(reply, 405);
    assertThat(reply.detail()).contains("DELETE");
    assertThat(reply.raw().headers().firstValue("Allow").orElse("")).contains("GET", "POST");
  }

  // Every endpoint that takes a body.

  static Stream<String> bodyPaths() {
    return Stream.of("/product", "/release", "/signal", "/signals", "{product}/1.0.0/promote");
  }

  private String resolve(String path) {
    return path.replace("{product}", productPath());
  }

  @ParameterizedTest
  @MethodSource("bodyPaths")
  void xmlContentTypeIsUnsupported(String path) {
    Reply reply =
        rejected(
            () ->
                send(
                    HttpRequest.newBuilder(api.uri(resolve(path)))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<product/>"))));

    assertProblem(reply, 415);
    assertThat(reply.detail()).contains("application/xml").contains("application/json");
  }

  @ParameterizedTest
  @MethodSource("bodyPaths")
  void unterminatedJsonIsBadRequest(String path) {
    Reply reply = rejected(() -> post(resolve(path), "{\"semver_version\": \"1"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("JSON");
  }

  @ParameterizedTest
  @MethodSource("bodyPaths")
  void nonsenseIsBadRequest(String path) {
    Reply reply = rejected(() -> post(resolve(path), "nonsense"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("not valid JSON");
  }

  // POST /release

  @ParameterizedTest
  @ValueSource(strings = {"artifact_url", "semver_version"})
  void releaseMissingField(String field) {
    Reply reply = rejected(() -> post("/release", object(without(releaseFields("2.0.0"), field))));

    assertFieldError(reply, field, "is required");
  }

  static Stream<Arguments> releaseWrongTypes() {
    return Stream.of(
        Arguments.of("band_count", "\"abc\"", "whole number"),
        Arguments.of("band_count", "\"3\"", "whole number"),
        Arguments.of("band_count", "1.5", "whole number"),
        Arguments.of("canary_period", "\"x\"", "number"),
        Arguments.of("canary_period", "true", "number"),
        Arguments.of("is_canary", "\"maybe\"", "true or false"),
        Arguments.of("is_canary", "5", "true or false"),
        Arguments.of("is_active", "\"yes\"", "true or false"),
        Arguments.of("threshold", "[]", "number"),
        Arguments.of("threshold", "{}", "number"),
        Arguments.of("min_signals", "{}", "whole number"),
        Arguments.of("tolerance", "\"5\"", "number"),
        Arguments.of("semver_version", "[\"2.0.0\"]", "a string"),
        Arguments.of("artifact_url", "{}", "a string"),
        Arguments.of("release_date", "[2026, 1, 1]", "a string"));
  }

  @ParameterizedTest
  @MethodSource("releaseWrongTypes")
  void releaseWrongType(String field, String raw, String expected) {
    Reply reply =
        rejected(() -> post("/release", object(with(releaseFields("2.0.0"), field, raw))));

    assertFieldError(reply, field, expected);
  }

  static Stream<Arguments> releaseOutOfRange() {
    return Stream.of(
        Arguments.of("threshold", "101", "between 0 and 100"),
        Arguments.of("threshold", "-1", "between 0 and 100"),
        Arguments.of("band_count", "0", "at least 1"),
        Arguments.of("band_count", "1001", "at most 1000"),
        Arguments.of(
            "band_count", "99999999999", "out of range; send a whole number from 1 to 1000"),
        Arguments.of("canary_period", "0", "greater than 0"),
        Arguments.of("canary_period", "-1", "greater than 0"),
        Arguments.of("canary_period", "3651", "at most 3650"),
        Arguments.of("min_signals", "0", "at least 1"),
        Arguments.of("tolerance", "-1", "between 0 and 100"),
        Arguments.of("tolerance", "101", "between 0 and 100"));
  }

  @ParameterizedTest
  @MethodSource("releaseOutOfRange")
  void releaseValueOutOfRange(String field, String raw, String expected) {
    Reply reply =
        rejected(() -> post("/release", object(with(releaseFields("2.0.0"), field, raw))));

    assertFieldError(reply, field, expected);
  }

  @Test
  void releaseNotANumberThreshold() {
    Reply reply =
        rejected(
            () -> post("/release", object(with(releaseFields("2.0.0"), "threshold", "\"NaN\""))));

    assertFieldError(reply, "threshold", "between 0 and 100");
    assertThat(reply.json().path("errors")).hasSize(1);
  }

  static Stream<Arguments> invalidVersions() {
    return Stream.of(
        Arguments.of("1 0", "may contain only"),
        Arguments.of("1/0", "may contain only"),
        Arguments.of("ä1", "may contain only"),
        Arguments.of("1.0\t", "may contain only"),
        Arguments.of("latest", "reserved"),
        Arguments.of("stable", "reserved"));
  }

  @ParameterizedTest
  @MethodSource("invalidVersions")
  void releaseInvalidVersion(String version, String expected) {
    Reply reply = rejected(() -> post("/release", object(releaseFields(version))));

    assertFieldError(reply, "semver_version", expected);
  }

  @Test
  void releaseVersionOverLimit() {
    Reply reply = rejected(() -> post("/release", object(releaseFields("9".repeat(129)))));

    assertFieldError(reply, "semver_version", "at most 128 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-13-01", "2026-01-01T25:00:00Z", ""})
  void releaseInvalidDate(String date) {
    Reply reply =
        rejected(
            () ->
                post(
                    "/release", object(with(releaseFields("2.0.0"), "release_date", quote(date)))));

    assertFieldError(reply, "release_date", "ISO-8601");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01T12:30:00", "2026-03-01 12:30:00"})
  void releaseDateWithoutZoneIsUtc(String date) {
    Reply reply =
        post("/release", object(with(releaseFields("2.0.0"), "release_date", quote(date))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("release_date").asString()).isEqualTo("2026-03-01T12:30:00Z");
  }

  @Test
  void releaseUnknownArtifactUrl() {
    String unknown = "registry.example.com/unknown-" + suffix;

    Reply reply =
        rejected(
            () ->
                post(
                    "/release",
                    object(with(releaseFields("2.0.0"), "artifact_url", quote(unknown)))));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(unknown);
  }

  @Test
  void releaseDuplicateVersion() {
    Reply reply = rejected(() -> post("/release", object(releaseFields(STABLE_VERSION))));

    assertProblem(reply, 409);
    assertThat(reply.detail()).contains(STABLE_VERSION).contains(name);
  }

  @Test
  void releaseArrayInsteadOfObject() {
    Reply reply = rejected(() -> post("/release", "[" + object(releaseFields("2.0.0")) + "]"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("must be a JSON object");
  }

  // POST /signal

  @ParameterizedTest
  @ValueSource(strings = {"artifact_url", "semver_version", "instance_id", "description", "status"})
  void signalMissingField(String field) {
    Reply reply = rejected(() -> post("/signal", object(without(signalFields(), field))));

    assertFieldError(reply, field, "is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "passed", "true", "0"})
  void signalUnknownStatus(String status) {
    Reply reply =
        rejected(() -> post("/signal", object(with(signalFields(), "status", quote(status)))));

    assertFieldError(reply, "status", "'" + status + "'");
    assertThat(reply.detail()).contains("success or failed");
  }

  static Stream<Arguments> statusAliases() {
    return Stream.of(
        Arguments.of("success", "success"),
        Arguments.of("ok", "success"),
        Arguments.of("succeeded", "success"),
        Arguments.of("SUCCESS", "success"),
        Arguments.of("Ok", "success"),
        Arguments.of("failed", "failed"),
        Arguments.of("failure", "failed"),
        Arguments.of("error", "failed"),
        Arguments.of("FAILED", "failed"),
        Arguments.of("ErRoR", "failed"));
  }

  @ParameterizedTest
  @MethodSource("statusAliases")
  void signalStatusAliasIsAccepted(String sent, String stored) {
    String counter = "success".equals(stored) ? "successes" : "failures";
    long before = signalCount(STABLE_VERSION, counter);

    Reply reply = post("/signal", object(with(signalFields(), "status", quote(sent))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("status").asString()).isEqualTo(stored);
    assertThat(signalCount(STABLE_VERSION, counter)).isEqualTo(before + 1);
  }

  static Stream<Arguments> signalOverLimit() {
    return Stream.of(
        Arguments.of("instance_id", 257, "at most 256 characters"),
        Arguments.of("description", 4001, "at most 4000 characters"),
        Arguments.of("semver_version", 129, "at most 128 characters"));
  }

  @ParameterizedTest
  @MethodSource("signalOverLimit")
  void signalFieldOverLimit(String field, int length, String expected) {
    Reply reply =
        rejected(
            () -> post("/signal", object(with(signalFields(), field, quote("x".repeat(length))))));

    assertFieldError(reply, field, expected);
  }

  @Test
  void signalFieldsAtLimitAreAccepted() {
    Map<String, String> fields = signalFields();
    fields.put("instance_id", quote("i".repeat(256)));
    fields.put("description", quote("d".repeat(4000)));

    Reply reply = post("/signal", object(fields));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  static Stream<Arguments> signalWrongTypes() {
    return Stream.of(
        Arguments.of("instance_id", "[]", "a string"),
        Arguments.of("description", "{}", "a string"),
        Arguments.of("status", "[\"success\"]", "a string"),
        Arguments.of("artifact_url", "{}", "a string"));
  }

  @ParameterizedTest
  @MethodSource("signalWrongTypes")
  void signalWrongType(String field, String raw, String expected) {
    Reply reply = rejected(() -> post("/signal", object(with(signalFields(), field, raw))));

    assertFieldError(reply, field, expected);
  }

  static Stream<Arguments> signalControlCharacters() {
    return Stream.of(
        Arguments.of("description", "\"before\\u0000after\""),
        Arguments.of("instance_id", "\"worker\\u00001\""),
        Arguments.of("instance_id", "\"worker\\n1\""),
        Arguments.of("semver_version", "\"1.0.0\\u0000\""),
        Arguments.of("artifact_url", "\"registry\\u0000\""));
  }

  @ParameterizedTest
  @MethodSource("signalControlCharacters")
  void signalControlCharacterIsInvalid(String field, String raw) {
    Reply reply = rejected(() -> post("/signal", object(with(signalFields(), field, raw))));

    assertFieldError(reply, field, "must not contain");
  }

  @Test
  void signalDescriptionMaySpanLines() {
    Reply reply =
        post("/signal", object(with(signalFields(), "description", quote("line 1\n\tline 2"))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void signalUnknownArtifactUrl() {
    String unknown = "registry.example.com/unknown-" + suffix;

    Reply reply =
        rejected(
            () -> post("/signal", object(with(signalFields(), "artifact_url", quote(unknown)))));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(unknown);
  }

  @Test
  void signalUnknownVersion() {
    Reply reply =
        rejected(
            () -> post("/signal", object(with(signalFields(), "semver_version", quote("9.9.9")))));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains("9.9.9").contains(name);
  }

  @Test
  void signalArrayInsteadOfObject() {
    Reply reply = rejected(() -> post("/signal", "[" + object(signalFields()) + "]"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("must be a JSON object").contains("JSON array");
  }

  // POST /signals

  private String batch(List<Map<String, String>> items) {
    return items.stream().map(BadInputApiTest::object).collect(Collectors.joining(", ", "[", "]"));
  }

  @Test
  void batchStoresEveryItem() {
    long before = signalCount(STABLE_VERSION, "successes");

    Reply reply = post("/signals", batch(List.of(signalFields(), signalFields())));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("accepted").asInt()).isEqualTo(2);
    assertThat(signalCount(STABLE_VERSION, "successes")).isEqualTo(before + 2);
  }

  @Test
  void batchWithOneBadStatusStoresNothing() {
    String body =
        batch(
            List.of(
                signalFields(), with(signalFields(), "status", quote("maybe")), signalFields()));

    Reply reply = rejected(() -> post("/signals", body));

    assertFieldError(reply, "[1].status", "'maybe'");
    assertThat(reply.json().path("errors")).hasSize(1);
  }

  @Test
  void batchListsEveryBadItem() {
    String body =
        batch(
            List.of(
                without(signalFields(), "instance_id"),
                signalFields(),
                with(signalFields(), "description", quote("d".repeat(4001)))));

    Reply reply = rejected(() -> post("/signals", body));

    assertFieldError(reply, "[0].instance_id", "is required");
    assertFieldError(reply, "[2].description", "at most 4000 characters");
  }

  @Test
  void batchWithWrongTypedItemNamesIndex() {
    String body = batch(List.of(signalFields(), with(signalFields(), "status", "[]")));

    Reply reply = rejected(() -> post("/signals", body));

    assertFieldError(reply, "[1].status", "a string");
  }

  @Test
  void batchWithUnknownVersionStoresNothing() {
    String body =
        batch(List.of(signalFields(), with(signalFields(), "semver_version", quote("9.9.9"))));

    Reply reply = rejected(() -> post("/signals", body));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains("[1]").contains("9.9.9");
  }

  @Test
  void batchWithNullItem() {
    Reply reply = rejected(() -> post("/signals", "[" + object(signalFields()) + ", null]"));

    assertFieldError(reply, "[1]", "is required");
  }

  @Test
  void batchOverLimitStoresNothing() {
    String item = object(signalFields());
    String body =
        Stream.generate(() -> item).limit(10_001).collect(Collectors.joining(",", "[", "]"));

    Reply reply = rejected(() -> post("/signals", body));

    assertFieldError(reply, "body", "10000");
    assertThat(reply.detail()).contains("10001");
  }

  @Test
  void batchEmpty() {
    Reply reply = rejected(() -> post("/signals", "[]"));

    assertFieldError(reply, "body", "one or more signals");
  }

  @Test
  void batchObjectInsteadOfArray() {
    Reply reply = rejected(() -> post("/signals", object(signalFields())));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("must be a JSON array").contains("JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{", "[{\"status\": \"ok\"},", ""})
  void batchMalformedJson(String body) {
    Reply reply = rejected(() -> post("/signals", body));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("JSON");
  }

  // POST /release/{product_name}/{semver_version}/{action}

  static Stream<String> actions() {
    return ACTIONS.stream();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionOnUnknownProduct(String action) {
    String unknown = "no such product " + suffix;

    Reply reply =
        rejected(
            () -> post("/release/" + segment(unknown) + "/" + STABLE_VERSION + "/" + action, ""));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(unknown);
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionOnUnknownVersion(String action) {
    Reply reply = rejected(() -> post(actionPath("9.9.9", action), ""));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains("9.9.9").contains(name);
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionOnStableIsConflict(String action) {
    Reply reply = rejected(() -> post(actionPath(STABLE_VERSION, action), ""));

    assertProblem(reply, 409);
    assertThat(reply.detail()).contains(STABLE_VERSION);
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionArrayBody(String action) {
    Reply reply = rejected(() -> post(actionPath(STABLE_VERSION, action), "[]"));

    assertProblem(reply, 400);
    assertThat(reply.detail()).contains("must be a JSON object");
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionInvalidFields(String action) {
    createCanary("2.0.0");
    String body =
        "{\"reason\": " + quote("r".repeat(2001)) + ", \"actor\": " + quote("a".repeat(201)) + "}";

    Reply reply = rejected(() -> post(actionPath("2.0.0", action), body));

    assertFieldError(reply, "reason", "at most 2000 characters");
    assertFieldError(reply, "actor", "at most 200 characters");
  }

  @ParameterizedTest
  @MethodSource("actions")
  void actionWrongTypedReason(String action) {
    createCanary("2.0.0");

    Reply reply = rejected(() -> post(actionPath("2.0.0", action), "{\"reason\": []}"));

    assertFieldError(reply, "reason", "a string");
  }

  @Test
  void actionPathRejectsGet() {
    Reply reply = rejected(() -> get(actionPath(STABLE_VERSION, "promote")));

    assertProblem(reply, 405);
    assertThat(reply.detail()).contains("GET");
  }

  private void createCanary(String version) {
    Reply created = post("/release", object(releaseFields(version)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asString()).isEqualTo("canary");
  }

  // GET endpoints

  static Stream<String> productPaths() {
    return Stream.of("", "/latest", "/stable", "/1.0.0", "/1.0.0/events");
  }

  @ParameterizedTest
  @MethodSource("productPaths")
  void unknownProductInPath(String rest) {
    String unknown = "no such product " + suffix;

    Reply reply = rejected(() -> get("/release/" + segment(unknown) + rest));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(unknown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/9.9.9", "/9.9.9/events"})
  void unknownVersionInPath(String rest) {
    Reply reply = rejected(() -> get(productPath() + rest));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains("9.9.9").contains(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/latest", "/stable"})
  void productWithoutReleases(String rest) {
    String empty = "no releases " + suffix;
    assertThat(api.createProduct(empty, "registry.example.com/empty-" + suffix).status())
        .isEqualTo(201);

    Reply reply = rejected(() -> get("/release/" + segment(empty) + rest));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(empty);
  }

  @Test
  void signalListWithoutProduct() {
    Reply reply = rejected(() -> get("/signal"));

    assertFieldError(reply, "product", "is required");
  }

  @Test
  void signalListUnknownProduct() {
    String unknown = "no such product " + suffix;

    Reply reply = rejected(() -> get("/signal?product=" + segment(unknown)));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(unknown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-5", "x", "1.5"})
  void signalListInvalidLimit(String limit) {
    Reply reply = rejected(() -> get("/signal?product=" + segment(name) + "&limit=" + limit));

    assertFieldError(reply, "limit", limit);
  }

  @Test
  void nulCharacterInQueryIsClientError() {
    Reply reply = rejected(() -> get("/signal?product=%00"));

    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.status()).isIn(404, 422);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/release/a/b/c/d", "/product/a/b"})
  void unknownPath(String path) {
    Reply reply = rejected(() -> get(path));

    assertProblem(reply, 404);
    assertThat(reply.detail()).contains(path);
  }

  @Test
  void releaseRootAcceptsOnlyPost() {
    Reply reply = rejected(() -> get("/release"));

    assertProblem(reply, 405);
    assertThat(reply.raw().headers().firstValue("Allow").orElse("")).contains("POST");
  }

  // Product names with spaces and artifact URLs in paths

  @Test
  void productNameWithSpacesInPaths() {
    createCanary("2.0.0");
    Reply signal = post("/signal", object(with(signalFields(), "semver_version", quote("2.0.0"))));
    assertThat(signal.status()).as(signal.body()).isEqualTo(201);

    assertThat(get(productPath()).status()).isEqualTo(200);
    assertThat(get(productPath() + "/latest").status()).isEqualTo(200);
    assertThat(get(productPath() + "/latest?instance_id=" + segment("worker 7")).status())
        .isEqualTo(200);
    assertThat(get(productPath() + "/stable").status()).isEqualTo(200);
    assertThat(get(productPath() + "/2.0.0").status()).isEqualTo(200);
    assertThat(get(productPath() + "/2.0.0/events").status()).isEqualTo(200);
    assertThat(get("/signal?product=" + segment(name)).json().size()).isEqualTo(1);
    assertThat(post(actionPath("2.0.0", "pause"), "").status()).isEqualTo(200);
    assertThat(post(actionPath("2.0.0", "resume"), "").status()).isEqualTo(200);
    assertThat(post(actionPath("2.0.0", "promote"), "").status()).isEqualTo(200);
    createCanary("3.0.0");
    assertThat(post(actionPath("3.0.0", "rollback"), "{\"reason\": \"test\"}").status())
        .isEqualTo(200);
  }

  @Test
  void latestFindsProductByArtifactUrl() {
    Reply reply = get("/release/" + segment(artifactUrl) + "/latest");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("semver_version").asString()).isEqualTo(STABLE_VERSION);
    assertThat(reply.json().path("product").path("name").asString()).isEqualTo(name);
  }
}
