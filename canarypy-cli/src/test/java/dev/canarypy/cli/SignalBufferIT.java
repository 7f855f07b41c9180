package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.ServerProcess;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.ReleaseRequest;
import dev.canarypy.client.RetryPolicy;
import dev.canarypy.client.Signal;
import dev.canarypy.client.SignalStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signals that a client reports while the real server is stopped wait in the client's buffer and
 * reach the server, in order, once it runs again on the same H2 database and port.
 */
class SignalBufferIT {

  private static final int SENT_BEFORE_STOP = 5;
  private static final int SENT_WHILE_STOPPED = 50;
  private static final int CAPACITY = 40;

  @Test
  void bufferedSignalsSurviveServerRestart() throws Exception {
    List<String> sent = new ArrayList<>();
    try (ServerProcess server = ServerProcess.startWithH2();
        CanaryPyClient client =
            CanaryPyClient.builder()
                .baseUrl(server.url())
                .retryPolicy(
                    new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100), 2, 0.5))
                .signalBufferCapacity(CAPACITY)
                .signalBufferRetryDelays(Duration.ofMillis(200), Duration.ofSeconds(1))
                .build()) {
      client.createProduct("buffered", "https://git.example.com/buffered", "buffered.jar");
      client.createRelease(ReleaseRequest.builder("buffered.jar", "1.0.0").build());

      for (int i = 1; i <= SENT_BEFORE_STOP; i++) {
        sent.add(report(client, i));
      }
      assertThat(client.bufferedSignals()).as("buffered while the server runs").isZero();

      int exitCode = server.terminate(60);
      assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);

      for (int i = SENT_BEFORE_STOP + 1; i <= SENT_BEFORE_STOP + SENT_WHILE_STOPPED; i++) {
        sent.add(report(client, i));
      }
      assertThat(client.bufferedSignals()).as("buffered while stopped").isEqualTo(CAPACITY);
      assertThat(client.droppedSignals())
          .as("dropped while stopped")
          .isEqualTo(SENT_WHILE_STOPPED - CAPACITY);

      try (ServerProcess restarted = server.restart()) {
        assertThat(client.flush(Duration.ofSeconds(120))).as("flushed").isTrue();

        List<Signal> stored = new ArrayList<>(client.listSignals("buffered", null, 1_000));
        stored.sort(Comparator.comparing(Signal::createdAt));
        List<String> storedDescriptions = stored.stream().map(Signal::description).toList();

        assertThat(storedDescriptions)
            .as("stored signals")
            .hasSize(sent.size() - (int) client.droppedSignals())
            .doesNotHaveDuplicates()
            .isSubsetOf(sent)
            .startsWith(sent.subList(0, SENT_BEFORE_STOP).toArray(String[]::new));
        assertThat(client.deliveredFromBuffer()).isEqualTo(CAPACITY);
        assertThat(client.bufferedSignals()).isZero();

        // The server stamps every signal of a batch with one time, so the order within a batch is
        // not visible through the API. Signals with different times must be in the order sent.
        for (int i = 1; i < stored.size(); i++) {
          Signal earlier = stored.get(i - 1);
          Signal later = stored.get(i);
          if (earlier.createdAt().isBefore(later.createdAt())) {
            assertThat(sent.indexOf(later.description()))
                .as("position of %s after %s", later.description(), earlier.description())
                .isGreaterThan(sent.indexOf(earlier.description()));
          }
        }
      }
    }
  }

  private static String report(CanaryPyClient client, int number) {
    String description = String.format("signal %03d", number);
    client.reportSignalToCanary(
        "buffered.jar", "1.0.0", "buffer-it", description, SignalStatus.SUCCESS);
    return description;
  }
}
