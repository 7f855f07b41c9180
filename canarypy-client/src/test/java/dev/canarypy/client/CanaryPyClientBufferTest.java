package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarypy.client.StubServer.Received;
import dev.canarypy.client.StubServer.Reply;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanaryPyClientBufferTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DATABASE_DOWN =
      "{\"title\":\"Service Unavailable\",\"status\":503,"
          + "\"detail\":\"The database is unavailable; retry later.\"}";

  private static final String UNKNOWN_VERSION =
      "{\"title\":\"Not Found\",\"status\":404,"
          + "\"detail\":\"Product 'nightly.jar' has no version '9.9.9'.\"}";

  private static final Reply STORED = Reply.json(201, "{}");

  /** Long enough that the thread resends only when flush() cuts the back-off short. */
  private static final Duration NEVER = Duration.ofHours(1);

  /** How long a test waits for the buffer's thread to reach a state; never reached when passing. */
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

  private static CanaryPyClient.Builder clientFor(String url) {
    return CanaryPyClient.builder()
        .baseUrl(url)
        .retryPolicy(RetryPolicy.noRetries())
        .signalBufferRetryDelays(Duration.ofMillis(5), Duration.ofMillis(20));
  }

  private static SignalRequest signal(int number) {
    return new SignalRequest("nightly.jar", "1.0.0", "host-" + number, "run " + number, "success");
  }

  /** Returns the descriptions of the signals in the requests after the first failed ones. */
  private static List<String> storedDescriptions(List<Received> requests, int failedFirst)
      throws IOException {
    List<String> descriptions = new ArrayList<>();
    for (Received request : requests.subList(failedFirst, requests.size())) {
      JsonNode body = JSON.readTree(request.body());
      List<JsonNode> signals = new ArrayList<>();
      if (body.isArray()) {
        body.forEach(signals::add);
      } else {
        signals.add(body);
      }
      for (JsonNode signal : signals) {
        descriptions.add(signal.get("description").asText());
      }
    }
    return descriptions;
  }

  /** Waits until the buffer's thread has logged its first failed resend, so it is backing off. */
  private static void awaitFirstFailedResend(LogCapture logs) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (logs.events().stream().noneMatch(CanaryPyClientBufferTest::isFailedResend)) {
      assertThat(System.nanoTime()).as("time waiting for a failed resend").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static boolean isFailedResend(ILoggingEvent event) {
    return event.getFormattedMessage().startsWith("Resending buffered signals");
  }

  private static List<String> messages(LogCapture logs, Level level) {
    return logs.events().stream()
        .filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void deliveredSignalIsNotBuffered() throws IOException {
    try (StubServer server = new StubServer(STORED);
        CanaryPyClient client = clientFor(server.url()).build()) {

      client.reportSignal(signal(1));

      assertThat(server.received()).hasSize(1);
      assertThat(server.received().get(0).rawPathAndQuery()).isEqualTo("/signal");
      assertThat(client.bufferedSignals()).isZero();
      assertThat(client.deliveredFromBuffer()).isZero();
      assertThat(client.signalBufferThread()).isNull();
    }
  }

  @Test
  void orderIsKeptAcrossOutage() throws IOException {
    int failures = 4;
    Reply[] script = new Reply[failures + 1];
    for (int i = 0; i < failures; i++) {
      script[i] = Reply.problem(503, DATABASE_DOWN);
    }
    script[failures] = STORED;
    try (StubServer server = new StubServer(script);
        CanaryPyClient client = clientFor(server.url()).build()) {

      for (int i = 1; i <= 20; i++) {
        client.reportSignal(signal(i));
      }
      boolean flushed = client.flush(WAIT_LIMIT);

      assertThat(flushed).isTrue();
      assertThat(client.bufferedSignals()).isZero();
      assertThat(client.droppedSignals()).isZero();
      assertThat(server.received().get(0).rawPathAndQuery()).isEqualTo("/signal");
      assertThat(server.received().get(1).rawPathAndQuery()).isEqualTo("/signals");
      assertThat(storedDescriptions(server.received(), failures))
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 20).mapToObj(i -> "run " + i).toList());
    }
  }

  @Test
  void signalsAfterOutageFollowBuffer() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        CanaryPyClient client =
            clientFor(server.url()).signalBufferRetryDelays(NEVER, NEVER).build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {

      client.reportSignal(signal(1));
      awaitFirstFailedResend(logs);
      server.replyNext(STORED);
      client.reportSignal(signal(2));

      // The second signal waits behind the first instead of being sent on its own.
      assertThat(server.received()).hasSize(2);
      assertThat(client.bufferedSignals()).isEqualTo(2);

      assertThat(client.flush(WAIT_LIMIT)).isTrue();
      assertThat(server.received()).hasSize(3);
      assertThat(storedDescriptions(server.received(), 2)).containsExactly("run 1", "run 2");
      assertThat(client.deliveredFromBuffer()).isEqualTo(2);
    }
  }

  @Test
  void fullBufferDropsOldest() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        CanaryPyClient client =
            clientFor(server.url())
                .signalBufferCapacity(3)
                .signalBufferRetryDelays(NEVER, NEVER)
                .build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {

      client.reportSignal(signal(0));
      awaitFirstFailedResend(logs);
      for (int i = 1; i <= 9; i++) {
        client.reportSignal(signal(i));
      }

      assertThat(client.bufferedSignals()).isEqualTo(3);
      assertThat(client.droppedSignals()).isEqualTo(7);
      assertThat(messages(logs, Level.WARN))
          .filteredOn(message -> message.contains("is full"))
          .containsExactly(
              "The signal buffer for "
                  + server.url()
                  + " is full at 3 signals, so the oldest ones are dropped until the server"
                  + " accepts signals again");

      server.replyNext(STORED);
      assertThat(client.flush(WAIT_LIMIT)).isTrue();

      assertThat(storedDescriptions(server.received(), 2))
          .containsExactly("run 7", "run 8", "run 9");
      assertThat(client.droppedSignals()).isEqualTo(7);
      assertThat(client.deliveredFromBuffer()).isEqualTo(3);
      assertThat(messages(logs, Level.WARN))
          .contains(
              "The signal buffer for "
                  + server.url()
                  + " dropped 7 signals while it was full; 7 dropped in total");
    }
  }

  @Test
  void failedResendIsLoggedWithCountAndDelay() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        CanaryPyClient client =
            clientFor(server.url())
                .signalBufferRetryDelays(NEVER, NEVER)
                .closeTimeout(Duration.ofMillis(50))
                .build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {

      client.reportSignal(signal(1));
      awaitFirstFailedResend(logs);

      List<String> warnings = messages(logs, Level.WARN);
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(0))
          .startsWith("Buffering signals for " + server.url() + " until the server can be reached")
          .contains("failed with status 503");
      assertThat(warnings.get(1))
          .matches(
              "Resending buffered signals to "
                  + server.url()
                  + " failed on attempt 1 \\(POST .*/signals failed with status 503.*\\);"
                  + " 1 signals buffered, retrying in \\d+ ms");
    }
  }

  @Test
  void clientErrorIsNotBuffered() throws IOException {
    try (StubServer server = new StubServer(Reply.problem(404, UNKNOWN_VERSION));
        CanaryPyClient client = clientFor(server.url()).build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {

      client.reportSignal(signal(1));

      assertThat(server.received()).hasSize(1);
      assertThat(client.bufferedSignals()).isZero();
      assertThat(client.rejectedSignals()).isEqualTo(1);
      assertThat(client.signalBufferThread()).isNull();
      assertThat(messages(logs, Level.ERROR))
          .containsExactly(
              "The server rejected the signal for nightly.jar 1.0.0 from instance host-1,"
                  + " so it is discarded");
      assertThat(logs.events().get(0).getThrowableProxy().getMessage()).contains("404");
    }
  }

  @Test
  void rejectedBatchIsResentOneByOne() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        CanaryPyClient client =
            clientFor(server.url()).signalBufferRetryDelays(NEVER, NEVER).build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {

      client.reportSignal(signal(1));
      awaitFirstFailedResend(logs);
      client.reportSignal(new SignalRequest("nightly.jar", "9.9.9", "host-2", "run 2", "success"));
      client.reportSignal(signal(3));
      server.replyNext(
          Reply.problem(404, UNKNOWN_VERSION), STORED, Reply.problem(404, UNKNOWN_VERSION), STORED);

      assertThat(client.flush(WAIT_LIMIT)).isTrue();

      List<Received> received = server.received();
      assertThat(received)
          .extracting(Received::rawPathAndQuery)
          .containsExactly("/signal", "/signals", "/signals", "/signal", "/signal", "/signal");
      assertThat(storedDescriptions(List.of(received.get(3), received.get(5)), 0))
          .containsExactly("run 1", "run 3");
      assertThat(client.rejectedSignals()).isEqualTo(1);
      assertThat(client.deliveredFromBuffer()).isEqualTo(2);
      assertThat(messages(logs, Level.ERROR))
          .containsExactly(
              "The server rejected the signal for nightly.jar 9.9.9 from instance host-2,"
                  + " so it is discarded");
    }
  }

  @Test
  void flushTimesOutWhileServerIsDown() throws IOException {
    String url = "http://127.0.0.1:" + CanaryPyClientRetryTest.unusedPort();
    try (CanaryPyClient client = clientFor(url).closeTimeout(Duration.ofMillis(50)).build()) {

      client.reportSignal(signal(1));
      boolean flushed = client.flush(Duration.ofMillis(200));

      assertThat(flushed).isFalse();
      assertThat(client.bufferedSignals()).isEqualTo(1);
    }
  }

  @Test
  void closeStopsThread() throws IOException {
    String url = "http://127.0.0.1:" + CanaryPyClientRetryTest.unusedPort();
    CanaryPyClient client = clientFor(url).closeTimeout(Duration.ofMillis(50)).build();
    try (LogCapture logs = new LogCapture(SignalBuffer.class)) {
      client.reportSignal(signal(1));
      Thread thread = client.signalBufferThread();
      assertThat(thread.isDaemon()).isTrue();

      client.close();

      assertThat(thread.isAlive()).isFalse();
      assertThat(client.bufferedSignals()).isEqualTo(1);
      assertThat(messages(logs, Level.ERROR))
          .containsExactly(
              "Closed the CanaryPy client with 1 signals for "
                  + url
                  + " still buffered, which are lost");
      IllegalStateException error =
          catchThrowableOfType(IllegalStateException.class, () -> client.reportSignal(signal(2)));
      assertThat(error).hasMessageContaining("closed");
    }
  }

  @Test
  void closeDeliversBufferedSignals() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        LogCapture logs = new LogCapture(SignalBuffer.class)) {
      CanaryPyClient client =
          clientFor(server.url())
              .signalBufferRetryDelays(NEVER, NEVER)
              .closeTimeout(WAIT_LIMIT)
              .build();
      client.reportSignal(signal(1));
      awaitFirstFailedResend(logs);
      server.replyNext(STORED);

      client.close();

      assertThat(client.bufferedSignals()).isZero();
      assertThat(client.deliveredFromBuffer()).isEqualTo(1);
      assertThat(client.signalBufferThread().isAlive()).isFalse();
      assertThat(messages(logs, Level.ERROR)).isEmpty();
    }
  }

  @Test
  void meterBinderPublishesCounts() throws IOException, InterruptedException {
    try (StubServer server = new StubServer(Reply.problem(503, DATABASE_DOWN));
        CanaryPyClient client =
            clientFor(server.url())
                .signalBufferCapacity(2)
                .signalBufferRetryDelays(NEVER, NEVER)
                .build();
        LogCapture logs = new LogCapture(SignalBuffer.class)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new CanaryPyClientMetrics(client, Tags.of("server", "test")).bindTo(registry);

      client.reportSignal(signal(1));
      awaitFirstFailedResend(logs);
      for (int i = 2; i <= 6; i++) {
        client.reportSignal(signal(i));
      }

      Gauge buffered =
          registry.get("canarypy.client.signals.buffered").tag("server", "test").gauge();
      FunctionCounter dropped =
          registry.get("canarypy.client.signals.dropped").tag("server", "test").functionCounter();
      assertThat(buffered.value()).isEqualTo(2.0);
      assertThat(dropped.count()).isEqualTo(4.0);
      assertThat(buffered.getId().getDescription())
          .isEqualTo("Reported signals waiting in the client's buffer for delivery");
      assertThat(dropped.getId().getDescription())
          .isEqualTo("Reported signals dropped because the client's buffer was full");

      server.replyNext(STORED);
      assertThat(client.flush(WAIT_LIMIT)).isTrue();

      assertThat(buffered.value()).isZero();
      assertThat(
              registry
                  .get("canarypy.client.signals.delivered.from.buffer")
                  .functionCounter()
                  .count())
          .isEqualTo(2.0);
      assertThat(registry.get("canarypy.client.signals.rejected").functionCounter().count())
          .isZero();
    }
  }
}
