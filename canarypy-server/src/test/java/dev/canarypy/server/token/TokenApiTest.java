package dev.canarypy.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * API tokens and the access rules they enforce. The class has a database of its own, because once a
 * token exists every request without one is rejected. The first two tests run before any token
 * exists; the others create the tokens they need.
 */
@ServerTest
@TestPropertySource(properties = "canarypy.test.context=tokens")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenApiTest {

  /** Every token value the tests saw, to check that none reaches the log. */
  private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

  private static String adminToken;

  @LocalServerPort int port;
  Api anonymous;
  String suffix;

  @BeforeEach
  void setUp() {
    anonymous = new Api(port);
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @Order(1)
  void openWhileNoTokenExists(CapturedOutput output) {
    Reply product = anonymous.createProduct("open " + suffix, "registry/open-" + suffix);
    Reply release = anonymous.createRelease("registry/open-" + suffix, "1.0.0", null);
    Reply list = anonymous.get("/product");
    Reply signal = anonymous.sendSignal("registry/open-" + suffix, "1.0.0", "worker-1", "success");
    Reply tokens = anonymous.get("/token");

    assertThat(product.status()).as(product.body()).isEqualTo(201);
    assertThat(release.status()).as(release.body()).isEqualTo(201);
    assertThat(list.status()).isEqualTo(200);
    assertThat(signal.status()).isEqualTo(201);
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(tokens.json().isEmpty()).isTrue();
    assertThat(output.getAll())
        .contains("No API token exists, so every request is allowed without one")
        .contains("canarypy token create --scope admin --name NAME");
  }

  @Test
  @Order(2)
  void onlyOneOfConcurrentFirstTokensIsCreated() throws Exception {
    int racers = 8;
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Future<Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        String name = "first-admin-" + i + "-" + suffix;
        replies.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return createToken(anonymous, name, "admin");
                }));
      }
      List<Reply> created = new ArrayList<>();
      List<Reply> rejected = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        Reply done = reply.get(30, TimeUnit.SECONDS);
        (done.status() == 201 ? created : rejected).add(done);
      }

      assertThat(created).as("replies with 201").hasSize(1);
      assertThat(rejected)
          .allSatisfy(
              reply -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(401);
                assertThat(reply.raw().headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
                assertThat(reply.detail()).contains("admin");
              });
      String token = created.get(0).json().get("token").asString();
      assertThat(token).startsWith("cpy_").hasSizeGreaterThanOrEqualTo(4 + 43);
      assertThat(token.substring(4)).matches("[A-Za-z0-9_-]+");
      assertThat(created.get(0).json().get("scope").asString()).isEqualTo("admin");
      assertThat(created.get(0).json().get("token_hint").asString())
          .isEqualTo("cpy_..." + token.substring(token.length() - 4));
      assertThat(created.get(0).json().get("created_at").asString()).isNotBlank();

      Reply stored = anonymous.withToken(token).get("/token");
      assertThat(stored.json()).hasSize(1);
      assertThat(createToken(anonymous, "late-" + suffix, "admin").status()).isEqualTo(401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void requestWithoutTokenIsUnauthorized() {
    admin();

    Reply reply = anonymous.get("/product");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.raw().headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer");
    assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    assertThat(reply.json().get("title").asString()).isEqualTo("Unauthorized");
    assertThat(reply.detail())
        .contains("GET /product needs an API token with scope signal or admin")
        .contains("Authorization: Bearer <token>")
        .contains("CANARYPY_TOKEN");
  }

  @Test
  void writeWithoutTokenNamesAdminScope() {
    admin();

    Reply reply = anonymous.createProduct("anonymous " + suffix, "registry/anon-" + suffix);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.detail()).contains("POST /product needs an API token with scope admin");
  }

  @Test
  void unknownTokenIsUnauthorized() {
    admin();

    Reply reply = anonymous.withToken("cpy_" + "x".repeat(43)).get("/product");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.raw().headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer")
        .contains("error=\"invalid_token\"");
    assertThat(reply.detail()).contains("unknown or has been revoked");
  }

  @Test
  void otherSchemeIsUnauthorized() {
    admin();

    Reply reply =
        anonymous.send(
            HttpRequest.newBuilder(anonymous.uri("/product"))
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0")
                .GET());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.raw().headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer");
    assertThat(reply.detail()).contains("must have the form 'Bearer <token>'");
  }

  @Test
  void revokedTokenIsUnauthorized() {
    String name = "revoked-" + suffix;
    Api signal = anonymous.withToken(token(name, "signal"));
    assertThat(signal.get("/product").status()).isEqualTo(200);

    Reply revoke = admin().delete("/token/" + name);
    Reply after = signal.get("/product");

    assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.raw().headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer");
    assertThat(after.detail()).contains("unknown or has been revoked");
    assertThat(admin().get("/token").json().findValuesAsString("name")).doesNotContain(name);
  }

  @Test
  void revokingUnknownNameIsNotFound() {
    Reply reply = admin().delete("/token/nobody-" + suffix);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).contains("'nobody-" + suffix + "'");
  }

  @Test
  void duplicateNameIsConflict() {
    token("twice-" + suffix, "signal");

    Reply reply = createToken(admin(), "twice-" + suffix, "admin");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.detail()).contains("'twice-" + suffix + "' already exists");
  }

  @Test
  void invalidScopeAndNameAreRejected() {
    Reply scope = createToken(admin(), "scope-" + suffix, "root");
    Reply name = createToken(admin(), "with space " + suffix, "signal");

    assertThat(scope.status()).isEqualTo(422);
    assertThat(scope.detail()).contains("scope must be signal or admin, got 'root'");
    assertThat(name.status()).isEqualTo(422);
    assertThat(name.detail()).contains("name may contain only letters, digits");
  }

  @Test
  void signalTokenCannotAdminister() {
    String name = "jobs-" + suffix;
    Api signal = anonymous.withToken(token(name, "signal"));
    String artifact = "registry/forbidden-" + suffix;
    String product = "forbidden " + suffix;
    admin().createProduct(product, artifact);
    admin().createRelease(artifact, "1.0.0", null);
    admin().createRelease(artifact, "1.1.0", null);
    String release = "/release/" + Api.segment(product) + "/1.1.0";

    List<Reply> replies =
        List.of(
            signal.createProduct("other " + suffix, "registry/other-" + suffix),
            signal.createRelease(artifact, "1.2.0", null),
            signal.post(release + "/promote", "{}"),
            signal.post(release + "/rollback", "{}"),
            signal.post(release + "/pause", "{}"),
            signal.post(release + "/resume", "{}"),
            signal.get("/token"),
            createToken(signal, "escalate-" + suffix, "admin"),
            signal.delete("/token/" + name));

    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.raw().request().uri().toString()).isEqualTo(403);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.detail())
          .contains("The API token '" + name + "' has scope signal")
          .contains("needs scope admin");
    }
    assertThat(admin().get(release).json().get("status").asString()).isEqualTo("canary");
  }

  @Test
  void signalTokenAsksAndReports() {
    Api signal = anonymous.withToken(token("worker-" + suffix, "signal"));
    String artifact = "registry/worker-" + suffix;
    String product = "worker " + suffix;
    admin().createProduct(product, artifact);
    admin().createRelease(artifact, "1.0.0", null);

    Reply latest = signal.latest(product);
    Reply single = signal.sendSignal(artifact, "1.0.0", "worker-1", "success");
    Reply batch =
        signal.post(
            "/signals",
            "[{\"artifact_url\": "
                + Api.quote(artifact)
                + ", \"semver_version\": \"1.0.0\", \"instance_id\": \"worker-2\","
                + " \"description\": \"batch\", \"status\": \"failed\"}]");
    Reply read = signal.get("/release/" + Api.segment(product) + "/1.0.0");

    assertThat(latest.status()).as(latest.body()).isEqualTo(200);
    assertThat(latest.json().get("semver_version").asString()).isEqualTo("1.0.0");
    assertThat(single.status()).as(single.body()).isEqualTo(201);
    assertThat(batch.status()).as(batch.body()).isIn(200, 201);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("signals").path("successes").asLong()).isEqualTo(1);
    assertThat(read.json().path("signals").path("failures").asLong()).isEqualTo(1);
  }

  @Test
  void adminTokenMayDoEverything() {
    Api admin = admin();
    String artifact = "registry/admin-" + suffix;
    String product = "admin " + suffix;
    String path = "/release/" + Api.segment(product);

    List<Reply> replies =
        List.of(
            admin.createProduct(product, artifact),
            admin.createRelease(artifact, "1.0.0", null),
            admin.createRelease(artifact, "1.1.0", null),
            admin.latest(product),
            admin.sendSignal(artifact, "1.1.0", "worker-1", "success"),
            admin.post(path + "/1.1.0/pause", "{}"),
            admin.post(path + "/1.1.0/resume", "{}"),
            admin.post(path + "/1.1.0/promote", "{}"),
            admin.get(path),
            admin.get(path + "/stable"),
            admin.get(path + "/1.1.0/events"),
            admin.get("/product"),
            admin.get("/signal?product=" + Api.segment(product)),
            admin.get("/metrics/releases?product=" + Api.segment(product)),
            admin.get("/actuator/prometheus"),
            admin.get("/token"),
            createToken(admin, "made-by-admin-" + suffix, "signal"),
            admin.delete("/token/made-by-admin-" + suffix));

    for (Reply reply : replies) {
      assertThat(reply.status())
          .as(reply.raw().request().method() + " " + reply.raw().request().uri() + reply.body())
          .isBetween(200, 204);
    }
  }

  @Test
  void openPathsNeedNoToken() throws IOException, InterruptedException {
    admin();
    HttpClient following =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> docs =
        following.send(
            HttpRequest.newBuilder(anonymous.uri("/docs")).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).containsIgnoringCase("swagger");
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/health/liveness",
            "/openapi.json",
            "/openapi.json/swagger-config",
            "/",
            "/index.html",
            "/dashboard/app.js",
            "/dashboard/dashboard.css",
            "/webjars/chart.js/dist/chart.umd.min.js")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void prometheusNeedsToken() {
    admin();

    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void listShowsNoSecret() {
    String name = "listed-" + suffix;
    String token = token(name, "signal");

    Reply list = admin().get("/token");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token).doesNotContain(sha256(token));
    JsonNode listed = null;
    for (JsonNode entry : list.json()) {
      if (entry.get("name").asString().equals(name)) {
        listed = entry;
      }
    }
    assertThat(listed).as(list.body()).isNotNull();
    assertThat(listed.get("scope").asString()).isEqualTo("signal");
    assertThat(listed.get("token_hint").asString())
        .isEqualTo("cpy_..." + token.substring(token.length() - 4));
    assertThat(listed.get("created_at").asString()).isNotBlank();
    assertThat(listed.has("token")).isFalse();
    assertThat(listed.has("token_hash")).isFalse();
  }

  @Test
  void manualPromoteRecordsTokenName() {
    String name = "release-manager-" + suffix;
    Api manager = anonymous.withToken(token(name, "admin"));
    String artifact = "registry/actor-" + suffix;
    String product = "actor " + suffix;
    manager.createProduct(product, artifact);
    manager.createRelease(artifact, "1.0.0", null);
    manager.createRelease(artifact, "1.1.0", null);
    String release = "/release/" + Api.segment(product) + "/1.1.0";

    Reply promote =
        manager.post(release + "/promote", "{\"reason\": \"looks good\", \"actor\": \"mallory\"}");

    assertThat(promote.status()).as(promote.body()).isEqualTo(200);
    JsonNode events = manager.get(release + "/events").json();
    JsonNode promoted = events.get(events.size() - 1);
    assertThat(promoted.get("type").asString()).isEqualTo("promoted");
    assertThat(promoted.get("actor").asString()).isEqualTo(name);
    assertThat(promoted.get("reason").asString()).isEqualTo("looks good");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void tokensNeverReachTheLog(CapturedOutput output) {
    token("logged-" + suffix, "admin");

    assertThat(ISSUED).isNotEmpty();
    for (String token : ISSUED) {
      assertThat(output.getAll()).doesNotContain(token).doesNotContain(sha256(token));
    }
    assertThat(output.getAll()).contains("Created API token 'logged-" + suffix + "'");
  }

  /** Returns a client with the first admin token, creating it when an earlier test did not. */
  private Api admin() {
    synchronized (TokenApiTest.class) {
      if (adminToken == null) {
        Reply created = createToken(anonymous, "bootstrap-admin", "admin");
        if (created.status() == 201) {
          adminToken = created.json().get("token").asString();
          ISSUED.add(adminToken);
        }
      }
    }
    assertThat(adminToken).as("an admin token created while none existed").isNotNull();
    return anonymous.withToken(adminToken);
  }

  /** Creates a token with the admin token and returns its value. */
  private String token(String name, String scope) {
    Reply created = createToken(admin(), name, scope);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String token = created.json().get("token").asString();
    ISSUED.add(token);
    return token;
  }

  private static Reply createToken(Api api, String name, String scope) {
    Reply reply =
        api.post(
            "/token", "{\"name\": " + Api.quote(name) + ", \"scope\": " + Api.quote(scope) + "}");
    if (reply.status() == 201) {
      ISSUED.add(reply.json().get("token").asString());
      if (adminToken == null && "admin".equals(scope)) {
        adminToken = reply.json().get("token").asString();
      }
    }
    return reply;
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException(missing);
    }
  }
}
