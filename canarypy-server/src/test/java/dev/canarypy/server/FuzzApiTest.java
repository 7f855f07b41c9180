package dev.canarypy.server;

import static dev.canarypy.server.support.Api.quote;
import static dev.canarypy.server.support.Api.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.FuzzInput;
import dev.canarypy.server.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Seeded random requests to every endpoint: malformed bodies, headers, path and query values. No
 * reply may be a 5xx or leak internals, every error must be problem details, and no rejected
 * request may store anything.
 *
 * <p>The seed is printed; {@code -Dcanarypy.fuzz.seed=N} repeats a run and {@code
 * -Dcanarypy.fuzz.count=N} changes the number of requests. The class has a server of its own,
 * because it creates an API token, after which every request needs one.
 */
@ServerTest
@TestPropertySource(properties = "canarypy.test.context=fuzz")
class FuzzApiTest {

  private static final long DEFAULT_SEED = 20261204L;
  private static final int DEFAULT_COUNT = 1_500;
  private static final Duration TIME_LIMIT = Duration.ofSeconds(90);
  private static final int CHANGES_PER_COMPARISON = 5;

  private static final Pattern JAVA_CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|dev\\.canarypy|org\\.springframework|org\\.apache|org\\.h2"
              + "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|com\\.zaxxer)\\.[A-Za-z]");
  private static final List<String> LEAKED_WORDS =
      List.of("Exception", "\tat ", "at dev.", "SQL", "SELECT ", "INSERT ", "Caused by");
  private static final List<String> ACTIONS = List.of("promote", "rollback", "pause", "resume");
  private static final List<String> VERSIONS = List.of("1.0.0", "2.0.0");

  @LocalServerPort int port;

  private Api api;
  private String token;
  private String name;
  private String artifactUrl;
  private String productId;

  /**
   * One generated request. {@code rawUrl} marks a request line that java.net.http refuses to send,
   * so it goes over a plain socket.
   */
  private record FuzzRequest(
      String method,
      String path,
      byte[] body,
      Map<String, String> headers,
      boolean mutating,
      boolean rawUrl) {

    String summary() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      String shortPath = path.length() > 200 ? path.substring(0, 200) + "…" : path;
      String shortBody = text.length() > 200 ? text.substring(0, 200) + "…" : text;
      return method
          + " "
          + shortPath
          + " headers="
          + headers.keySet()
          + " body("
          + (body == null ? 0 : body.length)
          + " bytes)="
          + shortBody;
    }
  }

  /** What the server stores, read back through the API. */
  private record StoredState(
      List<String> products, List<String> tokens, List<String> releases, int signals) {}

  @Test
  void randomRequestsAreRejectedCleanly() {
    long seed = Long.getLong("canarypy.fuzz.seed", DEFAULT_SEED);
    int count = Integer.getInteger("canarypy.fuzz.count", DEFAULT_COUNT);
    System.out.printf(
        "Fuzzing with seed %d and %d requests; repeat with -Dcanarypy.fuzz.seed=%d%n",
        seed, count, seed);
    FuzzInput fuzz = new FuzzInput(seed);
    createFixture();

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int acceptedChanges = 0;
    List<String> pending = new ArrayList<>();
    StoredState before = storedState();
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    int sent = 0;
    for (; sent < count && System.nanoTime() < deadline; sent++) {
      FuzzRequest request = next(fuzz);
      long started = System.nanoTime();
      Reply reply = send(request);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (millis > 1_000) {
        System.out.printf(
            "Slow reply (%d ms): %d for %s%n", millis, reply.status(), request.summary());
      }
      statuses.merge(reply.status(), 1, Integer::sum);
      check(request, reply, failures);

      // Stored data is compared after every few rejected changes, because each comparison costs
      // several requests; a failure lists every request since the last comparison.
      // NOTE: rejected requests in the same group as an accepted change are not compared.
      if (request.mutating()) {
        if (reply.status() >= 200 && reply.status() < 300) {
          acceptedChanges++;
          pending.clear();
          before = storedState();
        } else {
          pending.add(reply.status() + " reply to " + request.summary());
        }
      }
      if (pending.size() >= CHANGES_PER_COMPARISON || (sent == count - 1 && !pending.isEmpty())) {
        StoredState after = storedState();
        if (!after.equals(before)) {
          failures.add("stored data changed to " + after + " after rejected requests " + pending);
          before = after;
        }
        pending.clear();
      }
    }

    System.out.printf(
        "Fuzzing sent %d requests (seed %d): statuses %s, %d accepted changes%n",
        sent, seed, statuses, acceptedChanges);
    assertThat(sent).as("requests sent within %s", TIME_LIMIT).isGreaterThanOrEqualTo(count / 2);
    assertThat(failures).as("failures with seed %d", seed).isEmpty();
  }

  private void createFixture() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    name = "fuzz " + suffix;
    artifactUrl = "registry.example.com/fuzz-" + suffix;
    Api anonymous = new Api(port);
    Reply created = anonymous.post("/token", "{\"name\": \"fuzz-admin\", \"scope\": \"admin\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    token = created.json().path("token").asString();
    api = anonymous.withToken(token);

    Reply product = api.createProduct(name, artifactUrl);
    assertThat(product.status()).as(product.body()).isEqualTo(201);
    productId = product.json().path("id").asString();
    assertThat(api.createRelease(artifactUrl, "1.0.0", null).status()).isEqualTo(201);
    assertThat(api.createRelease(artifactUrl, "2.0.0", "\"min_signals\": 100000").status())
        .isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      assertThat(
              api.sendSignal(artifactUrl, VERSIONS.get(i % 2), "worker-" + i, "success").status())
          .isEqualTo(201);
    }
  }

  // Request generation: one generator per endpoint, picked at random.

  private FuzzRequest next(FuzzInput fuzz) {
    if (fuzz.chance(0.03)) {
      return rawIllegalUrl(fuzz);
    }
    List<Supplier<FuzzRequest>> endpoints =
        List.of(
            () -> get(fuzz, "/product"),
            () -> post(fuzz, "/product", fuzz.body(productFields(fuzz))),
            () -> get(fuzz, "/product/" + fuzz.segment(productId)),
            () -> post(fuzz, "/release", fuzz.body(releaseFields(fuzz))),
            () -> get(fuzz, "/release/" + fuzz.segment(name)),
            () ->
                get(
                    fuzz,
                    "/release/"
                        + fuzz.segment(name)
                        + "/latest"
                        + (fuzz.chance(0.5) ? "?instance_id=" + fuzz.queryValue("worker-1") : "")),
            () -> get(fuzz, "/release/" + fuzz.segment(name) + "/stable"),
            () -> get(fuzz, versionPath(fuzz)),
            () -> get(fuzz, versionPath(fuzz) + "/events"),
            () -> post(fuzz, versionPath(fuzz) + "/" + fuzz.pick(ACTIONS), actionBody(fuzz)),
            () -> post(fuzz, "/signal", fuzz.body(signalFields(fuzz))),
            () -> post(fuzz, "/signals", signalsBody(fuzz)),
            () -> get(fuzz, "/signal" + signalQuery(fuzz)),
            () -> get(fuzz, "/metrics/releases" + metricsQuery(fuzz)),
            () -> post(fuzz, "/token", fuzz.body(tokenFields(fuzz))),
            () -> get(fuzz, "/token"),
            () -> request(fuzz, "DELETE", "/token/" + fuzz.segment("fuzz-missing"), null, true));
    return fuzz.pick(endpoints).get();
  }

  private FuzzRequest get(FuzzInput fuzz, String path) {
    String method = fuzz.chance(0.05) ? fuzz.pick(List.of("PUT", "PATCH", "DELETE")) : "GET";
    return request(fuzz, method, path, null, !"GET".equals(method));
  }

  private FuzzRequest post(FuzzInput fuzz, String path, String body) {
    return request(fuzz, "POST", path, body, true);
  }

  private FuzzRequest request(
      FuzzInput fuzz, String method, String path, String body, boolean mutating) {
    Map<String, String> headers = new LinkedHashMap<>();
    double authorization = fuzz.random().nextDouble();
    if (authorization < 0.85) {
      headers.put("Authorization", "Bearer " + token);
    } else if (authorization < 0.95) {
      headers.put(
          "Authorization",
          fuzz.pick(List.of("Bearer ", "Basic ", "", "bearer ")) + fuzz.headerValue());
    }
    if (body != null) {
      String contentType = fuzz.contentType();
      if (!"NONE".equals(contentType)) {
        headers.put("Content-Type", contentType);
      }
    }
    String accept = fuzz.accept();
    if (!"NONE".equals(accept)) {
      headers.put("Accept", accept);
    }
    if (fuzz.chance(0.05)) {
      headers.put("X-Fuzz-" + fuzz.random().nextInt(100), fuzz.headerValue());
    }
    byte[] bytes = body == null ? null : fuzz.bytes(body);
    return new FuzzRequest(method, path, bytes, headers, mutating, false);
  }

  /** Returns a GET whose request line java.net.http rejects, so it is sent over a plain socket. */
  private FuzzRequest rawIllegalUrl(FuzzInput fuzz) {
    String path =
        fuzz.pick(
            List.of(
                "/release/a b/latest",
                "/release/%zz/latest",
                "/release/%/stable",
                "/product/\u0001",
                "/release/" + name.replace(" ", "%20") + "/1.0.0/%G0",
                "/signal?product=%",
                "/release/\u00e9/latest",
                "/release/x\"y/latest",
                "/release/<script>/latest",
                "/release/{p}/latest"));
    return new FuzzRequest("GET", path, null, Map.of(), false, true);
  }

  private String versionPath(FuzzInput fuzz) {
    return "/release/" + fuzz.segment(name) + "/" + fuzz.segment(fuzz.pick(VERSIONS));
  }

  private String actionBody(FuzzInput fuzz) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reason", quote("fuzz"));
    fields.put("actor", quote("fuzz"));
    // A valid action body would change the fixture's state, so the body is always mutated.
    return fuzz.chance(0.1) ? null : fuzz.body(fields);
  }

  private String signalsBody(FuzzInput fuzz) {
    if (fuzz.chance(0.3)) {
      return fuzz.body(signalFields(fuzz));
    }
    int size = fuzz.chance(0.02) ? 10_001 : 1 + fuzz.random().nextInt(5);
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(size > 100 ? "{}" : fuzz.body(signalFields(fuzz)));
    }
    return body.append(']').toString();
  }

  private String signalQuery(FuzzInput fuzz) {
    StringBuilder query = new StringBuilder("?product=").append(fuzz.queryValue(name));
    if (fuzz.chance(0.5)) {
      query.append("&semver_version=").append(fuzz.queryValue("1.0.0"));
    }
    if (fuzz.chance(0.5)) {
      query.append("&limit=").append(fuzz.queryValue("10"));
    }
    return fuzz.chance(0.1) ? "" : query.toString();
  }

  private String metricsQuery(FuzzInput fuzz) {
    StringBuilder query = new StringBuilder("?product=").append(fuzz.queryValue(name));
    if (fuzz.chance(0.5)) {
      query.append("&semver_version=").append(fuzz.queryValue("1.0.0"));
    }
    if (fuzz.chance(0.5)) {
      query.append("&from=").append(fuzz.queryValue("2026-01-01T00:00:00Z"));
    }
    if (fuzz.chance(0.5)) {
      query.append("&to=").append(fuzz.queryValue("2030-01-01T00:00:00"));
    }
    return query.toString();
  }

  private Map<String, String> productFields(FuzzInput fuzz) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", quote(fuzz.chance(0.5) ? name : "fuzz new"));
    fields.put("repository_url", quote("https://git.example.com/fuzz"));
    fields.put("artifact_url", quote(fuzz.chance(0.5) ? artifactUrl : "registry.example.com/new"));
    return fields;
  }

  private Map<String, String> releaseFields(FuzzInput fuzz) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("artifact_url", quote(artifactUrl));
    fields.put("semver_version", quote(fuzz.pick(VERSIONS)));
    fields.put("canary_period", "2");
    fields.put("band_count", "5");
    fields.put("threshold", "80");
    fields.put("min_signals", "100000");
    fields.put("tolerance", "5");
    fields.put("release_date", quote("2026-01-01T00:00:00Z"));
    fields.put("is_canary", "true");
    return fields;
  }

  private Map<String, String> signalFields(FuzzInput fuzz) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("artifact_url", quote(artifactUrl));
    fields.put("semver_version", quote(fuzz.pick(VERSIONS)));
    fields.put("instance_id", quote("worker-1"));
    fields.put("description", quote("fuzz run"));
    fields.put("status", quote(fuzz.pick(List.of("success", "failed"))));
    return fields;
  }

  private Map<String, String> tokenFields(FuzzInput fuzz) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", quote("fuzz-admin"));
    fields.put("scope", quote(fuzz.pick(List.of("signal", "admin"))));
    return fields;
  }

  // Sending and checking.

  private Reply send(FuzzRequest request) {
    if (request.rawUrl()) {
      return sendRaw(request);
    }
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(api.uri(request.path()));
    } catch (IllegalArgumentException illegal) {
      return sendRaw(request);
    }
    HttpRequest.BodyPublisher body =
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body());
    builder.method(request.method(), body);
    request.headers().forEach(builder::header);
    return new Api(port).send(builder);
  }

  /** Sends a GET whose request line java.net.http would reject, over a plain socket. */
  private Reply sendRaw(FuzzRequest request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          request.method()
              + " "
              + request.path()
              + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + token
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      int headerEnd = text.indexOf("\r\n\r\n");
      String headers = headerEnd < 0 ? text : text.substring(0, headerEnd);
      String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
      int status = Integer.parseInt(headers.substring(9, 12));
      String contentType = "";
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).strip();
        }
      }
      return new Reply(status, contentType, body, null);
    } catch (IOException failure) {
      throw new IllegalStateException("Raw request failed: " + request.summary(), failure);
    }
  }

  private static void check(FuzzRequest request, Reply reply, List<String> failures) {
    String what = reply.status() + " for " + request.summary() + " -> " + shorten(reply.body());
    if (reply.status() >= 500) {
      failures.add("server error " + what);
    }
    if (reply.status() >= 400) {
      if (reply.contentType().startsWith("application/problem+json")) {
        String detail = problemDetail(reply);
        if (detail == null || detail.isBlank()) {
          failures.add("problem without detail " + what);
        }
      } else {
        failures.add("error is not problem details (" + reply.contentType() + ") " + what);
      }
    }
    for (String word : LEAKED_WORDS) {
      if (reply.body().contains(word)) {
        failures.add("reply contains '" + word.strip() + "': " + what);
      }
    }
    if (JAVA_CLASS_NAME.matcher(reply.body()).find()) {
      failures.add("reply names a Java class: " + what);
    }
  }

  private static String problemDetail(Reply reply) {
    try {
      return reply.json().path("detail").asString();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private StoredState storedState() {
    List<String> products = new ArrayList<>();
    for (JsonNode product : api.get("/product").json()) {
      products.add(product.path("id").asString() + " " + product.path("artifact_url").asString());
    }
    List<String> tokens = new ArrayList<>();
    for (JsonNode listed : api.get("/token").json()) {
      tokens.add(listed.path("name").asString() + " " + listed.path("scope").asString());
    }
    List<String> releases = new ArrayList<>();
    for (JsonNode release : api.get("/release/" + segment(name)).json()) {
      String version = release.path("semver_version").asString();
      int events =
          api.get("/release/" + segment(name) + "/" + segment(version) + "/events").json().size();
      releases.add(
          version
              + " "
              + release.path("status").asString()
              + " signals="
              + release.path("signals")
              + " events="
              + events);
    }
    int signals = api.get("/signal?product=" + segment(name) + "&limit=1000").json().size();
    return new StoredState(products, tokens, releases, signals);
  }
}
