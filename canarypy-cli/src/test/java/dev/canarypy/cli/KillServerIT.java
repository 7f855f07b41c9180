package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server killed with SIGKILL while clients send signals loses no signal it acknowledged with 201,
 * and its release counters match the stored signal rows after a restart on the same PostgreSQL
 * database.
 */
class KillServerIT {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int SENDERS = 4;
  private static final long MAX_SIGNALS = 5_000;
  private static final long SEND_MILLIS = 20_000;

  @Test
  void killLosesNoAcknowledgedSignal() throws Exception {
    String database =
        "canarypy_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(ADMIN_URL, "CREATE DATABASE " + database);
    try {
      Map<String, String> environment =
          Map.of("CANARYPY_DB_CONN_STRING", "postgresql://postgres@127.0.0.1:5432/" + database);
      runKillAndRestart(environment, "jdbc:postgresql://127.0.0.1:5432/" + database);
    } finally {
      execute(ADMIN_URL, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private void runKillAndRestart(Map<String, String> environment, String jdbcUrl) throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    try (ServerProcess server = ServerProcess.start(environment)) {
      assertThat(
              server
                  .request(
                      "POST",
                      "/product",
                      "{\"name\": \"kill\", \"repository_url\": \"https://git.example.com/kill\","
                          + " \"artifact_url\": \"registry.example.com/kill\"}")
                  .statusCode())
          .isEqualTo(201);
      for (String version : List.of("1.0.0", "2.0.0")) {
        assertThat(
                server
                    .request(
                        "POST",
                        "/release",
                        "{\"artifact_url\": \"registry.example.com/kill\", \"semver_version\": \""
                            + version
                            + "\", \"min_signals\": 1000000}")
                    .statusCode())
            .isEqualTo(201);
      }

      AtomicBoolean stop = new AtomicBoolean();
      long deadline = System.currentTimeMillis() + SEND_MILLIS;
      List<Thread> senders = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        String instance = "worker-" + i;
        Thread sender =
            new Thread(
                () -> {
                  while (!stop.get()
                      && System.currentTimeMillis() < deadline
                      && sent.incrementAndGet() <= MAX_SIGNALS) {
                    String version = sent.get() % 2 == 0 ? "1.0.0" : "2.0.0";
                    try {
                      HttpResponse<String> reply =
                          server.request(
                              "POST",
                              "/signal",
                              "{\"artifact_url\": \"registry.example.com/kill\", \"semver_version\":"
                                  + " \""
                                  + version
                                  + "\", \"instance_id\": \""
                                  + instance
                                  + "\", \"description\": \"\", \"status\": \"success\"}");
                      if (reply.statusCode() == 201) {
                        acknowledged.incrementAndGet();
                      } else {
                        rejected.incrementAndGet();
                      }
                    } catch (IOException unanswered) {
                      // The server died with this request in flight; it may or may not be stored.
                    } catch (InterruptedException interrupted) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                },
                "signal-sender-" + i);
        sender.start();
        senders.add(sender);
      }

      while (acknowledged.get() < 500 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      ProcessHandle jvm = server.handle();
      assertThat(jvm.info().command().orElse("")).endsWith("java");
      int exitCode = server.kill();
      stop.set(true);
      for (Thread sender : senders) {
        sender.join(40_000);
      }

      assertThat(exitCode).as("exit code after SIGKILL").isEqualTo(137);
      assertThat(jvm.isAlive()).isFalse();
    }

    long attempted = Math.min(sent.get(), MAX_SIGNALS);
    long unanswered = attempted - acknowledged.get() - rejected.get();
    System.out.printf(
        "SIGKILL test: %d signals sent, %d acknowledged, %d rejected, %d unanswered%n",
        attempted, acknowledged.get(), rejected.get(), unanswered);
    assertThat(rejected.get()).as("signals rejected before the kill").isZero();

    try (ServerProcess restarted = ServerProcess.start(environment)) {
      long counted = 0;
      for (String version : List.of("1.0.0", "2.0.0")) {
        JsonNode release =
            JSON.readTree(restarted.request("GET", "/release/kill/" + version, null).body());
        counted +=
            release.path("signals").path("successes").asLong()
                + release.path("signals").path("failures").asLong();
      }
      long rows = count(jdbcUrl, "SELECT count(*) FROM signals");

      assertThat(rows).as("stored signals").isGreaterThanOrEqualTo(acknowledged.get());
      assertThat(rows)
          .as("stored signals at most acknowledged plus unanswered")
          .isLessThanOrEqualTo(acknowledged.get() + unanswered);
      assertThat(counted).as("release counters").isEqualTo(rows);
    }
  }

  private static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
