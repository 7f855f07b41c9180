package dev.canarypy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.system.JsonConfiguration;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request limits: body size (1 MiB, 16 MiB for POST /signals), batch size and the JSON parser's
 * nesting depth and number length. Each rejection names its limit and stores nothing.
 */
@ServerTest
class LimitsApiTest {

  private static final int MIB = 1024 * 1024;

  @LocalServerPort int port;
  Api api;
  String artifactUrl;
  String product;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    product = "limits " + suffix;
    artifactUrl = "registry.example.com/limits-" + suffix;
    assertThat(api.createProduct(product, artifactUrl).status()).isEqualTo(201);
    assertThat(api.createRelease(artifactUrl, "1.0.0", null).status()).isEqualTo(201);
  }

  private String signal() {
    return "{\"artifact_url\": "
        + Api.quote(artifactUrl)
        + ", \"semver_version\": \"1.0.0\", \"instance_id\": \"w\", \"description\": \"\","
        + " \"status\": \"success\"}";
  }

  /** Pads a JSON body with spaces to exactly {@code size} bytes. */
  private static String padded(String json, int size) {
    return json + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length);
  }

  private long storedSignals() {
    return api.get("/release/" + Api.segment(product) + "/1.0.0")
        .json()
        .path("signals")
        .path("successes")
        .asLong();
  }

  private static void assertProblem(Reply reply, int status, String detailPart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.detail()).contains(detailPart);
  }

  private Reply postChunked(String path, byte[] body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  @Test
  void bodyAtLimitIsAccepted() {
    Reply reply = api.post("/signal", padded(signal(), MIB));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(storedSignals()).isEqualTo(1);
  }

  @Test
  void bodyOverLimitIsRejected() {
    Reply reply = api.post("/signal", padded(signal(), MIB + 1));

    assertProblem(reply, 413, "limit of 1048576 bytes (1 MiB)");
    assertThat(storedSignals()).isZero();
  }

  @Test
  void chunkedBodyOverLimitIsRejected() {
    byte[] body = padded(signal(), MIB + MIB / 2).getBytes(StandardCharsets.UTF_8);

    Reply reply = postChunked("/signal", body);

    assertProblem(reply, 413, "limit of 1048576 bytes (1 MiB)");
    assertThat(storedSignals()).isZero();
  }

  @Test
  void batchBodyOverLimitIsRejected() {
    String batch = "[" + signal() + "]";

    Reply declared = api.post("/signals", padded(batch, 16 * MIB + 1));
    Reply chunked =
        postChunked("/signals", padded(batch, 16 * MIB + 1).getBytes(StandardCharsets.UTF_8));

    assertProblem(declared, 413, "limit of 16777216 bytes (16 MiB)");
    assertProblem(chunked, 413, "limit of 16777216 bytes (16 MiB)");
    assertThat(storedSignals()).isZero();
  }

  @Test
  void batchBodyOverSingleLimitIsAccepted() {
    Reply reply = api.post("/signals", padded("[" + signal() + "]", 2 * MIB));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(storedSignals()).isEqualTo(1);
  }

  @Test
  void batchOverItemLimitIsRejected() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 10_001; i++) {
      batch.append(i == 0 ? "" : ",").append(signal());
    }

    Reply reply = api.post("/signals", batch.append(']').toString());

    assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.detail()).contains("10000");
    assertThat(storedSignals()).isZero();
  }

  @Test
  void deepNestingIsRejected() {
    String nested = "[".repeat(10_000) + "]".repeat(10_000);

    // An unknown field is skipped token by token, so the parser reaches the full depth.
    Reply reply = api.post("/signal", "{\"extra\": " + nested + "}");

    assertProblem(reply, 400, "(" + JsonConfiguration.MAX_NESTING_DEPTH + ")");
    assertThat(reply.detail()).contains("nesting depth");
  }

  @Test
  void longNumberIsRejected() {
    String number = "1".repeat(JsonConfiguration.MAX_NUMBER_LENGTH + 1);

    Reply reply = api.post("/release", "{\"band_count\": " + number + "}");

    assertProblem(reply, 413, "(" + JsonConfiguration.MAX_NUMBER_LENGTH + ")");
  }

  @Test
  void longFieldNameIsRejected() {
    String name = "x".repeat(JsonConfiguration.MAX_NAME_LENGTH + 1);

    Reply reply = api.post("/product", "{\"" + name + "\": 1}");

    assertProblem(reply, 413, "(" + JsonConfiguration.MAX_NAME_LENGTH + ")");
  }
}
