package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.canarypy.client.StubServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryPyClientRetryTest {

  private static final String PRODUCTS =
      "[{\"id\":\"7d4f\",\"name\":\"nightly\",\"repository_url\":\"https://git.example/n\","
          + "\"artifact_url\":\"nightly.jar\",\"created_at\":\"2025-03-01T10:00:00Z\"}]";

  private static final String DATABASE_DOWN =
      "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
          + "\"detail\":\"The database is unavailable; retry later.\"}";

  private static final RetryPolicy FAST_RETRIES =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.5);

  private static CanaryPyClient client(String url, RetryPolicy policy) {
    return CanaryPyClient.builder().baseUrl(url).retryPolicy(policy).build();
  }

  @Test
  void retriesServerErrorsUntilSuccess() throws IOException {
    try (StubServer server =
            new StubServer(
                Reply.problem(503, DATABASE_DOWN),
                Reply.problem(503, DATABASE_DOWN),
                Reply.json(200, PRODUCTS));
        LogCapture logs = new LogCapture()) {

      List<Product> products = client(server.url(), FAST_RETRIES).listProducts();

      assertThat(products).extracting(Product::name).containsExactly("nightly");
      assertThat(server.received()).hasSize(3);
      List<ILoggingEvent> warnings = logs.events();
      assertThat(warnings).hasSize(2);
      assertThat(warnings).allMatch(event -> event.getLevel() == Level.WARN);
      assertThat(warnings.get(0).getFormattedMessage())
          .startsWith(
              "GET "
                  + server.url()
                  + "/product failed on attempt 1 of 4 (status 503 Service Unavailable);"
                  + " retrying in ")
          .endsWith(" ms");
      assertThat(warnings.get(1).getFormattedMessage()).contains("on attempt 2 of 4");
    }
  }

  @Test
  void clientErrorIsNotRetried() throws IOException {
    String problem =
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"No product is named 'ghost'.\",\"instance\":\"/release/ghost\"}";
    try (StubServer server = new StubServer(Reply.problem(404, problem));
        LogCapture logs = new LogCapture()) {

      CanaryPyApiException error =
          catchThrowableOfType(
              CanaryPyApiException.class,
              () -> client(server.url(), FAST_RETRIES).listReleases("ghost"));

      assertThat(server.received()).hasSize(1);
      assertThat(logs.events()).isEmpty();
      assertThat(error.status()).isEqualTo(404);
      assertThat(error.isNotFound()).isTrue();
      assertThat(error.title()).isEqualTo("Not Found");
      assertThat(error.detail()).isEqualTo("No product is named 'ghost'.");
      assertThat(error.getMessage())
          .isEqualTo(
              "GET "
                  + server.url()
                  + "/release/ghost failed with status 404 (Not Found):"
                  + " No product is named 'ghost'.");
    }
  }

  @Test
  void invalidFieldsCarryFieldErrors() throws IOException {
    String problem =
        "{\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"2 fields are invalid.\","
            + "\"errors\":[{\"field\":\"semver_version\",\"message\":\"must not be blank\"},"
            + "{\"field\":\"band_count\",\"message\":\"must be at least 1\"}]}";
    try (StubServer server = new StubServer(Reply.problem(422, problem))) {

      CanaryPyApiException error =
          catchThrowableOfType(
              CanaryPyApiException.class,
              () ->
                  client(server.url(), FAST_RETRIES)
                      .createRelease(ReleaseRequest.builder("a.jar", "").bandCount(0).build()));

      assertThat(server.received()).hasSize(1);
      assertThat(error.isInvalid()).isTrue();
      assertThat(error.fieldErrors())
          .containsExactly(
              new FieldError("semver_version", "must not be blank"),
              new FieldError("band_count", "must be at least 1"));
    }
  }

  @Test
  void serverErrorOnLastAttemptIsThrown() throws IOException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN))) {

      CanaryPyApiException error =
          catchThrowableOfType(
              CanaryPyApiException.class, () -> client(server.url(), FAST_RETRIES).listProducts());

      assertThat(server.received()).hasSize(4);
      assertThat(error.isServerError()).isTrue();
      assertThat(error.detail()).isEqualTo("The database is unavailable; retry later.");
    }
  }

  @Test
  void retryAfterIsHonouredUpToMaxDelay() throws IOException {
    RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(300), 2.0, 0);
    try (StubServer server =
            new StubServer(
                Reply.problem(503, DATABASE_DOWN).withRetryAfter("120"), Reply.json(200, "[]"));
        LogCapture logs = new LogCapture()) {

      client(server.url(), policy).listProducts();

      assertThat(logs.events()).hasSize(1);
      assertThat(logs.events().get(0).getFormattedMessage()).endsWith("retrying in 300 ms");
    }
  }

  @Test
  void nonJsonErrorBodyBecomesDetail() throws IOException {
    try (StubServer server =
        new StubServer(new Reply(502, "text/html", "<html>bad gateway</html>", null, 0))) {

      CanaryPyApiException error =
          catchThrowableOfType(
              CanaryPyApiException.class,
              () -> client(server.url(), RetryPolicy.noRetries()).listProducts());

      assertThat(error.status()).isEqualTo(502);
      assertThat(error.title()).isEqualTo("Bad Gateway");
      assertThat(error.detail()).isEqualTo("<html>bad gateway</html>");
    }
  }

  @Test
  void unreachableServerNamesUrlAndAttempts() throws IOException {
    String url = "http://127.0.0.1:" + unusedPort();
    try (LogCapture logs = new LogCapture()) {

      CanaryPyUnreachableException error =
          catchThrowableOfType(
              CanaryPyUnreachableException.class,
              () -> client(url, FAST_RETRIES).getLatestStableVersion("nightly"));

      assertThat(error.attempts()).isEqualTo(4);
      assertThat(error.uri()).hasToString(url + "/release/nightly/latest");
      assertThat(error.getMessage())
          .isEqualTo(
              "Cannot reach the CanaryPy server: GET "
                  + url
                  + "/release/nightly/latest failed after 4 attempts: connection refused");
      assertThat(logs.events()).hasSize(3);
    }
  }

  @Test
  void requestTimeoutIsRetriedThenReported() throws IOException {
    try (StubServer server = new StubServer(Reply.json(200, "[]").delayedBy(1_000))) {
      CanaryPyClient client =
          CanaryPyClient.builder()
              .baseUrl(server.url())
              .requestTimeout(Duration.ofMillis(100))
              .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 1, 0))
              .build();

      CanaryPyUnreachableException error =
          catchThrowableOfType(CanaryPyUnreachableException.class, client::listProducts);

      assertThat(error.attempts()).isEqualTo(2);
      // The JDK applies the request timeout to connecting too, so on a busy machine the 100 ms
      // can run out while connecting and the failure is then named a connect timeout.
      assertThat(error.getMessage())
          .matches(".*failed after 2 attempts: (request|connect) timed out");
    }
  }

  @Test
  void interruptDuringBackOffRestoresFlag() throws IOException {
    String url = "http://127.0.0.1:" + unusedPort();
    RetryPolicy slow = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 0);
    Thread.currentThread().interrupt();
    try {
      CanaryPyException error =
          catchThrowableOfType(CanaryPyException.class, () -> client(url, slow).listProducts());

      assertThat(error).isExactlyInstanceOf(CanaryPyException.class);
      assertThat(error.getMessage()).startsWith("Interrupted while");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
