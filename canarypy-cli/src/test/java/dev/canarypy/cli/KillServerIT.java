package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.ScratchDatabase;
import dev.canarypy.cli.support.ServerProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server killed with SIGKILL while clients send single signals and batches loses no signal it
 * acknowledged with a 2xx reply and stores no batch in part. After a restart on the same PostgreSQL
 * database its release counters match the stored signal rows.
 */
class KillServerIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int SIGNAL_SENDERS = 4;
  private static final int BATCH_SENDERS = 2;
  private static final int BATCH_SIZE = 50;
  private static final long MAX_SIGNALS = 5_000;
  private static final long MAX_BATCHES = 400;
  private static final long SEND_MILLIS = 20_000;

  /** The kill waits until this many single signals and batches have been acknowledged. */
  private static final long SIGNALS_BEFORE_KILL = 300;

  private static final long BATCHES_BEFORE_KILL = 10;

  private final AtomicBoolean stop = new AtomicBoolean();

  /** Numbers of single signals, each sent with the description {@code single-<number>}. */
  private final AtomicLong singlesSent = new AtomicLong();

  private final Set<Long> singlesAcknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicLong singlesRejected = new AtomicLong();
  private final AtomicLong singlesUnanswered = new AtomicLong();
  private final Set<Long> singlesRefused = ConcurrentHashMap.newKeySet();

  /** Numbers of batches, whose signals all carry the description {@code batch-<number>}. */
  private final AtomicLong batchesSent = new AtomicLong();

  private final Set<Long> batchesAcknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicLong batchesRejected = new AtomicLong();
  private final Set<Long> batchesUnanswered = ConcurrentHashMap.newKeySet();
  private final Set<Long> batchesRefused = ConcurrentHashMap.newKeySet();

  @Test
  void killLosesNoAcknowledgedSignal() throws Exception {
    try (ScratchDatabase database = ScratchDatabase.create("canarypy_kill_")) {
      runKillAndRestart(database);
    }
  }

  private void runKillAndRestart(ScratchDatabase database) throws Exception {
    Map<String, String> environment = database.environment();
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

      long deadline = System.currentTimeMillis() + SEND_MILLIS;
      List<Thread> senders = new ArrayList<>();
      for (int i = 0; i < SIGNAL_SENDERS; i++) {
        String instance = "worker-" + i;
        senders.add(new Thread(() -> sendSignals(server, instance, deadline), "signal-" + i));
      }
      for (int i = 0; i < BATCH_SENDERS; i++) {
        String instance = "batcher-" + i;
        senders.add(new Thread(() -> sendBatches(server, instance, deadline), "batch-" + i));
      }
      senders.forEach(Thread::start);

      while ((singlesAcknowledged.size() < SIGNALS_BEFORE_KILL
              || batchesAcknowledged.size() < BATCHES_BEFORE_KILL)
          && System.currentTimeMillis() < deadline) {
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

    long acknowledged = singlesAcknowledged.size() + batchesAcknowledged.size() * (long) BATCH_SIZE;
    long unanswered = singlesUnanswered.get() + batchesUnanswered.size() * (long) BATCH_SIZE;
    System.out.printf(
        "SIGKILL test: single signals %d sent, %d acknowledged, %d rejected, %d unanswered, %d"
            + " refused; batches of %d signals %d sent, %d acknowledged, %d rejected, %d"
            + " unanswered, %d refused%n",
        Math.min(singlesSent.get(), MAX_SIGNALS),
        singlesAcknowledged.size(),
        singlesRejected.get(),
        singlesUnanswered.get(),
        singlesRefused.size(),
        BATCH_SIZE,
        Math.min(batchesSent.get(), MAX_BATCHES),
        batchesAcknowledged.size(),
        batchesRejected.get(),
        batchesUnanswered.size(),
        batchesRefused.size());
    assertThat(singlesRejected.get()).as("single signals rejected before the kill").isZero();
    assertThat(batchesRejected.get()).as("batches rejected before the kill").isZero();
    assertThat(batchesAcknowledged).as("batches acknowledged before the kill").isNotEmpty();

    try (ServerProcess restarted = ServerProcess.start(environment)) {
      long counted = 0;
      for (String version : List.of("1.0.0", "2.0.0")) {
        JsonNode release =
            JSON.readTree(restarted.request("GET", "/release/kill/" + version, null).body());
        counted +=
            release.path("signals").path("successes").asLong()
                + release.path("signals").path("failures").asLong();
      }
      long rows = database.queryLong("SELECT count(*) FROM signals");
      Map<String, Long> rowsByDescription =
          database.queryCounts("SELECT description, count(*) FROM signals GROUP BY description");

      for (long single : singlesAcknowledged) {
        assertThat(rowsByDescription.get("single-" + single))
            .as("stored rows of acknowledged signal single-%d", single)
            .isEqualTo(1);
      }
      for (long batch : batchesAcknowledged) {
        assertThat(rowsByDescription.get("batch-" + batch))
            .as("stored rows of acknowledged batch-%d", batch)
            .isEqualTo(BATCH_SIZE);
      }
      for (long batch : batchesUnanswered) {
        // A batch is one transaction, so the kill may lose it but never store part of it.
        assertThat(rowsByDescription.getOrDefault("batch-" + batch, 0L))
            .as("stored rows of unanswered batch-%d", batch)
            .isIn(0L, (long) BATCH_SIZE);
      }
      for (long single : singlesRefused) {
        assertThat(rowsByDescription.get("single-" + single))
            .as("stored rows of refused signal single-%d", single)
            .isNull();
      }
      for (long batch : batchesRefused) {
        assertThat(rowsByDescription.get("batch-" + batch))
            .as("stored rows of refused batch-%d", batch)
            .isNull();
      }
      assertThat(rows).as("stored signals").isGreaterThanOrEqualTo(acknowledged);
      assertThat(rows)
          .as("stored signals at most acknowledged plus unanswered")
          .isLessThanOrEqualTo(acknowledged + unanswered);
      assertThat(counted).as("release counters").isEqualTo(rows);
    }
  }

  private void sendSignals(ServerProcess server, String instance, long deadline) {
    while (!stop.get() && System.currentTimeMillis() < deadline) {
      long number = singlesSent.incrementAndGet();
      if (number > MAX_SIGNALS) {
        return;
      }
      try {
        HttpResponse<String> reply =
            server.request("POST", "/signal", signalBody(number, instance, "single-" + number));
        if (reply.statusCode() / 100 == 2) {
          singlesAcknowledged.add(number);
        } else {
          singlesRejected.incrementAndGet();
        }
      } catch (ConnectException refused) {
        // The server was no longer listening, so the request was never sent.
        singlesRefused.add(number);
      } catch (IOException unanswered) {
        // The server died with this request in flight, so it may or may not be stored.
        singlesUnanswered.incrementAndGet();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sendBatches(ServerProcess server, String instance, long deadline) {
    while (!stop.get() && System.currentTimeMillis() < deadline) {
      long number = batchesSent.incrementAndGet();
      if (number > MAX_BATCHES) {
        return;
      }
      List<String> signals = new ArrayList<>(BATCH_SIZE);
      for (int i = 0; i < BATCH_SIZE; i++) {
        signals.add(signalBody(i, instance, "batch-" + number));
      }
      try {
        HttpResponse<String> reply =
            server.request("POST", "/signals", "[" + String.join(", ", signals) + "]");
        if (reply.statusCode() / 100 == 2
            && JSON.readTree(reply.body()).path("accepted").asInt() == BATCH_SIZE) {
          batchesAcknowledged.add(number);
        } else {
          batchesRejected.incrementAndGet();
        }
      } catch (ConnectException refused) {
        batchesRefused.add(number);
      } catch (IOException unanswered) {
        batchesUnanswered.add(number);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Returns a signal for version 1.0.0 or 2.0.0, alternating with {@code number}. */
  private static String signalBody(long number, String instance, String description) {
    String version = number % 2 == 0 ? "1.0.0" : "2.0.0";
    return "{\"artifact_url\": \"registry.example.com/kill\", \"semver_version\": \""
        + version
        + "\", \"instance_id\": \""
        + instance
        + "\", \"description\": \""
        + description
        + "\", \"status\": \"success\"}";
  }
}
