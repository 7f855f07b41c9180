package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.cli.support.ServerProcess;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
    String database =
        "canarypy_shutdown_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute("CREATE DATABASE " + database);
    try {
      try (ServerProcess server =
          ServerProcess.start(
              Map.of(
                  "CANARYPY_DB_CONN_STRING", "postgresql://postgres@127.0.0.1:5432/" + database))) {
        sigtermWithBatchesInFlight(server);
      }
    } finally {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** H2 closes its database in a shutdown hook of its own, which must not cut requests short. */
  @Test
  void sigtermFinishesRequestsOnH2() throws Exception {
    try (ServerProcess server = ServerProcess.startWithH2()) {
      sigtermWithBatchesInFlight(server);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
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

    List<CompletableFuture<Answer>> replies = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      replies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  HttpResponse<String> response = server.request("POST", "/signals", batch);
                  return new Answer(response, System.nanoTime());
                } catch (Exception failed) {
                  throw new IllegalStateException("Batch request failed", failed);
                }
              }));
    }
    Thread.sleep(150);
    long terminatedAt = System.nanoTime();
    int exitCode = server.terminate(60);

    int finishedAfterSigterm = 0;
    for (CompletableFuture<Answer> reply : replies) {
      Answer answer = reply.get(60, TimeUnit.SECONDS);
      assertThat(answer.response().statusCode()).as(answer.response().body()).isEqualTo(201);
      if (answer.answeredAt() > terminatedAt) {
        finishedAfterSigterm++;
      }
    }
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
