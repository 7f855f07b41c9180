package dev.canarypy.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to the running server as any client would. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  public Api(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  private Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Returns a client for the same server that sends {@code Authorization: Bearer <token>}. */
  public Api withToken(String token) {
    return new Api(baseUrl, token);
  }

  /** The reply of one request. */
  public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

    /** Parses the body as JSON. */
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** Returns the problem detail's {@code detail}, for error replies. */
    public String detail() {
      return json().path("detail").asString();
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts a body without a Content-Type header, as the original Python client does. */
  public Reply postWithoutContentType(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public Reply send(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException failure) {
      throw new IllegalStateException("Request failed: " + failure.getMessage(), failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", interrupted);
    }
  }

  public URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  /** Encodes one path segment, spaces as %20. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Quotes a string as a JSON string literal. */
  public static String quote(String value) {
    return JSON.writeValueAsString(value);
  }

  // Helpers that build the original's request bodies.

  public Reply createProduct(String name, String artifactUrl) {
    return post(
        "/product",
        "{\"name\": "
            + quote(name)
            + ", \"repository_url\": \"https://git.example.com/"
            + segment(name)
            + "\", \"artifact_url\": "
            + quote(artifactUrl)
            + "}");
  }

  public Reply createRelease(String artifactUrl, String version, String extraFields) {
    return post(
        "/release",
        "{\"artifact_url\": "
            + quote(artifactUrl)
            + ", \"semver_version\": "
            + quote(version)
            + (extraFields == null || extraFields.isEmpty() ? "" : ", " + extraFields)
            + "}");
  }

  public Reply sendSignal(String artifactUrl, String version, String instanceId, String status) {
    return post(
        "/signal",
        "{\"artifact_url\": "
            + quote(artifactUrl)
            + ", \"semver_version\": "
            + quote(version)
            + ", \"instance_id\": "
            + quote(instanceId)
            + ", \"description\": \"test run\", \"status\": "
            + quote(status)
            + "}");
  }

  public Reply latest(String product) {
    return get("/release/" + segment(product) + "/latest");
  }
}
