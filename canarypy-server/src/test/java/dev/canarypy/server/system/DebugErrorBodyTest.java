package dev.canarypy.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Error replies with debug logging on, as {@code CANARYPY_API_DEBUG=true} sets it: each error class
 * is still problem details without stack traces, SQL or Java class names.
 */
@ServerTest
@TestPropertySource(
    properties = {
      "CANARYPY_API_DEBUG=true",
      "logging.level.dev.canarypy=debug",
      "logging.level.org.springframework.web=debug"
    })
class DebugErrorBodyTest {

  private static final Pattern JAVA_CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|dev\\.canarypy|org\\.springframework|org\\.apache|org\\.h2"
              + "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|com\\.zaxxer)\\.[A-Za-z]");

  @LocalServerPort int port;

  private record Case(String name, int status, Supplier<Reply> request) {}

  @Test
  void errorBodiesLeakNothing() {
    Api api = new Api(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String artifactUrl = "registry.example.com/debug-" + suffix;
    assertThat(api.createProduct("debug " + suffix, artifactUrl).status()).isEqualTo(201);
    String product = "/release/" + Api.segment("debug " + suffix);

    List<Case> cases =
        List.of(
            new Case("malformed JSON", 400, () -> api.post("/product", "{\"name\": ")),
            new Case("invalid path encoding", 400, () -> api.get("/release/%FF/latest")),
            new Case("invalid query encoding", 400, () -> api.get("/signal?product=%ED%A0%80")),
            new Case(
                "nesting too deep", 400, () -> api.post("/signal", "{\"x\":" + "[".repeat(600))),
            new Case("unknown endpoint", 404, () -> api.get("/nothing-here?trace=true")),
            new Case("unknown product", 404, () -> api.get("/release/nobody-" + suffix)),
            new Case("unknown release", 404, () -> api.get(product + "/9.9.9/events")),
            new Case("wrong method", 405, () -> api.delete("/product")),
            new Case(
                "unacceptable reply type",
                406,
                () ->
                    api.send(
                        HttpRequest.newBuilder(api.uri("/product"))
                            .header("Accept", "image/png")
                            .GET())),
            new Case(
                "duplicate product", 409, () -> api.createProduct("debug " + suffix, artifactUrl)),
            new Case(
                "body too large",
                413,
                () -> api.post("/signal", "{\"description\": \"" + "x".repeat(1_100_000) + "\"}")),
            new Case(
                "unsupported content type",
                415,
                () ->
                    api.send(
                        HttpRequest.newBuilder(api.uri("/product"))
                            .header("Content-Type", "application/xml")
                            .POST(HttpRequest.BodyPublishers.ofString("<product/>")))),
            new Case("invalid field", 422, () -> api.createRelease(artifactUrl, "1 0", null)),
            new Case("invalid UUID", 422, () -> api.get("/product/not-a-uuid?trace=true")));

    for (Case errorCase : cases) {
      Reply reply = errorCase.request().get();

      assertThat(reply.status())
          .as("%s: %s", errorCase.name(), reply.body())
          .isEqualTo(errorCase.status());
      assertThat(reply.contentType()).as(errorCase.name()).startsWith("application/problem+json");
      assertThat(reply.detail()).as(errorCase.name()).isNotBlank();
      assertThat(reply.body()).as(errorCase.name()).doesNotContain("Exception");
      assertThat(reply.body()).as(errorCase.name()).doesNotContain("\tat ");
      assertThat(reply.body()).as(errorCase.name()).doesNotContain("SQL");
      assertThat(reply.body()).as(errorCase.name()).doesNotContain("trace");
      assertThat(reply.body()).as(errorCase.name()).doesNotContainPattern(JAVA_CLASS_NAME);
    }
  }
}
