package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.cli.support.ScratchDatabase;
import dev.canarypy.cli.support.ServerProcess;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while large signal batches are in flight: the batches finish with 201, the server then
 * refuses connections, logs that it stops, logs no error and exits with 0 or 143.
 */
class GracefulShutdownIT {

  private static final int BATCHES = 6;
  private static final int BATCH_SIZE = 10_000;

  private record Answer(HttpResponse<String> response, long answeredAt) {}

  @Test
  void sigtermFinishesRequestsOnPostgres() throws Exception {
    try (ScratchDatabase database = ScratchDatabase.create("canarypy_shutdown_");
        ServerProcess server = ServerProcess.start(database.environment())) {
      sigtermWithBatchesInFlight(server);
    }
  }

  /** H2 closes its database in a shutdown hook of its own, which must not cut requests short. */
  @Test
  void sigtermFinishesRequestsOnH2() throws Exception {
    try (ServerProcess server = ServerProcess.startWithH2()) {
      sigtermWithBatchesInFlight(server);
    }
  }

  private void sigtermWithBatchesInFlight(ServerProcess server) throws Exception {
    assertThat(
            server
                .request(
                    "POST",
                    "/product",
                    "{\"name\": \"shutdown\", \"repository_url\": \"https://git.example.com/s\","
                        + " \"artifact_url\": \"registry.example.com/shutdown\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .request(
                    "POST",
                    "/release",
                    "{\"artifact_url\": \"registry.example.com/shutdown\", \"semver_version\":"
                        + " \"1.0.0\"}")
                .statusCode())
        .isEqualTo(201);
    String batch = batch();

    // One thread per batch, so that every batch is in flight at the SIGTERM.
    ExecutorService senders = Executors.newFixedThreadPool(BATCHES);
    List<Future<Answer>> replies = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      replies.add(
          senders.submit(
              () -> new Answer(server.request("POST", "/signals", batch), System.nanoTime())));
    }
    awaitRequestsInFlight(server, BATCHES);
    long terminatedAt = System.nanoTime();
    int exitCode = server.terminate(60);

    int finishedAfterSigterm = 0;
    for (Future<Answer> reply : replies) {
      Answer answer = reply.get(60, TimeUnit.SECONDS);
      assertThat(answer.response().statusCode())
          .as("%s%nServer log:%n%s", answer.response().body(), server.logTail())
          .isEqualTo(201);
      if (answer.answeredAt() > terminatedAt) {
        finishedAfterSigterm++;
      }
    }
    senders.shutdown();
    String log = server.logText();
    String shutdownLog = log.substring(Math.max(0, log.indexOf("CanaryPy server stopping")));
    URI url = URI.create(server.url());

    System.out.printf(
        "SIGTERM test: exit code %d, %d of %d batches of %d signals answered 201 after SIGTERM,"
            + " %d ms to exit%n",
        exitCode,
        finishedAfterSigterm,
        BATCHES,
        BATCH_SIZE,
        (System.nanoTime() - terminatedAt) / 1_000_000);
    assertThat(finishedAfterSigterm).as("batches still in flight at SIGTERM").isPositive();
    assertThat(exitCode).isIn(0, 143);
    assertThat(log).contains("CanaryPy server stopping");
    assertThat(shutdownLog).doesNotContain(" ERROR ");
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  /**
   * Waits until the server handles the given number of POST requests, so that none of them is still
   * in the listen backlog at the SIGTERM, where the server closes it unanswered.
   */
  private static void awaitRequestsInFlight(ServerProcess server, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    double active = 0;
    while (System.nanoTime() < deadline) {
      active =
          server
              .request("GET", "/actuator/prometheus", null)
              .body()
              .lines()
              .filter(line -> line.startsWith("http_server_requests_active_seconds_count{"))
              .filter(line -> line.contains("method=\"POST\""))
              .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
              .sum();
      if (active >= count) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "Timed out after 20 s: " + active + " of " + count + " batch requests reached the server");
  }

  private static String batch() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < BATCH_SIZE; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"artifact_url\": \"registry.example.com/shutdown\", \"semver_version\":")
          .append(" \"1.0.0\", \"instance_id\": \"worker-")
          .append(i)
          .append("\", \"description\": \"\", \"status\": \"success\"}");
    }
    return batch.append(']').toString();
  }
}
