package dev.canarypy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The documentation, health and metrics endpoints, and the original server's wire format. */
@ServerTest
class ApiSurfaceTest {

  @LocalServerPort int port;
  Api api;
  String suffix;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> fieldNames(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }

  @Test
  void openApiDocumentListsEveryPath() {
    Reply reply = api.get("/openapi.json");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode document = reply.json();
    assertThat(document.path("openapi").asString()).startsWith("3.");
    assertThat(fieldNames(document.path("paths")))
        .contains(
            "/product",
            "/product/{id}",
            "/release",
            "/release/{product_name}",
            "/release/{product_name}/latest",
            "/release/{product_name}/stable",
            "/release/{product_name}/{semver_version}",
            "/release/{product_name}/{semver_version}/events",
            "/release/{product_name}/{semver_version}/promote",
            "/release/{product_name}/{semver_version}/rollback",
            "/release/{product_name}/{semver_version}/pause",
            "/release/{product_name}/{semver_version}/resume",
            "/signal",
            "/signals");
  }

  @Test
  void openApiDocumentDescribesBearerTokens() {
    JsonNode document = api.get("/openapi.json").json();

    assertThat(document.path("info").path("title").asString()).isEqualTo("CanaryPy API");
    JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
    assertThat(fieldNames(document.path("paths"))).doesNotContain("/error");
  }

  @Test
  void openApiDocumentHasTheRightMethods() {
    JsonNode paths = api.get("/openapi.json").json().path("paths");

    assertThat(fieldNames(paths.path("/product"))).contains("get", "post");
    assertThat(fieldNames(paths.path("/product/{id}"))).contains("get");
    assertThat(fieldNames(paths.path("/release"))).contains("post");
    assertThat(fieldNames(paths.path("/release/{product_name}/latest"))).contains("get");
    assertThat(fieldNames(paths.path("/release/{product_name}/{semver_version}/promote")))
        .contains("post");
    assertThat(fieldNames(paths.path("/signal"))).contains("get", "post");
    assertThat(fieldNames(paths.path("/signals"))).contains("post");
  }

  @Test
  void docsReachSwaggerUi() throws IOException, InterruptedException {
    HttpClient following =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> response =
        following.send(
            HttpRequest.newBuilder(api.uri("/docs")).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).containsIgnoringCase("swagger");
  }

  @Test
  void healthIsUp() {
    Reply reply = api.get("/actuator/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asString()).isEqualTo("UP");
  }

  @Test
  void prometheusExposesCanaryPyAndPoolMetrics() {
    String name = "metrics " + suffix;
    String artifactUrl = "registry.example.com/metrics-" + suffix;
    api.createProduct(name, artifactUrl);
    api.createRelease(artifactUrl, "1.0.0", null);
    assertThat(api.latest(name).status()).isEqualTo(200);
    assertThat(api.sendSignal(artifactUrl, "1.0.0", "worker-1", "success").status()).isEqualTo(201);

    Reply reply = api.get("/actuator/prometheus");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    assertThat(reply.body()).contains("canarypy_latest_answers_total");
    assertThat(reply.body()).contains("canarypy_signals_total");
    assertThat(reply.body()).contains("hikaricp_");
  }

  @Test
  void createProductReplyHasOriginalFields() {
    Reply reply =
        api.createProduct("wire product " + suffix, "registry.example.com/wire-" + suffix);

    assertThat(reply.status()).isEqualTo(201);
    JsonNode product = reply.json();
    assertThat(fieldNames(product)).contains("id", "name", "repository_url", "artifact_url");
    assertThat(UUID.fromString(product.get("id").asString())).isNotNull();
    assertThat(product.get("name").asString()).isEqualTo("wire product " + suffix);
    assertThat(product.get("artifact_url").asString())
        .isEqualTo("registry.example.com/wire-" + suffix);
  }

  @Test
  void latestReplyHasOriginalFields() {
    String name = "wire latest " + suffix;
    String artifactUrl = "registry.example.com/wire-latest-" + suffix;
    String productId = api.createProduct(name, artifactUrl).json().get("id").asString();
    String releaseId = api.createRelease(artifactUrl, "2.1.0", null).json().get("id").asString();

    Reply reply = api.latest(name);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode latest = reply.json();
    assertThat(fieldNames(latest)).contains("id", "semver_version", "product");
    assertThat(latest.get("id").asString()).isEqualTo(releaseId);
    assertThat(latest.get("semver_version").asString()).isEqualTo("2.1.0");
    JsonNode product = latest.get("product");
    assertThat(fieldNames(product)).contains("id", "name", "repository_url", "artifact_url");
    assertThat(product.get("id").asString()).isEqualTo(productId);
    assertThat(product.get("name").asString()).isEqualTo(name);
    assertThat(product.get("artifact_url").asString()).isEqualTo(artifactUrl);
  }

  @Test
  void createReleaseAndSignalRepliesUseSnakeCase() {
    String artifactUrl = "registry.example.com/wire-release-" + suffix;
    api.createProduct("wire release " + suffix, artifactUrl);

    Reply release = api.createRelease(artifactUrl, "3.0.0", "\"is_canary\": false");
    Reply signal = api.sendSignal(artifactUrl, "3.0.0", "worker-7", "failure");

    assertThat(release.status()).isEqualTo(201);
    assertThat(fieldNames(release.json()))
        .contains("id", "semver_version", "product", "is_canary", "is_active", "release_date");
    assertThat(signal.status()).isEqualTo(201);
    assertThat(fieldNames(signal.json()))
        .contains("id", "semver_version", "instance_id", "description", "status");
    assertThat(signal.json().get("status").asString()).isEqualTo("failed");
  }
}
