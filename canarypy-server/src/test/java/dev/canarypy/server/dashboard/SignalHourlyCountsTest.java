package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.signal.Signal;
import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The upsert of hourly counters, called directly as the signal service calls it, and the cache of
 * {@code GET /metrics/releases} that the counters' commits keep fresh. The cache's expiry is an
 * hour, so that only a commit can refresh it.
 */
@ServerTest
@TestPropertySource(properties = "canarypy.metrics-cache.ttl=1h")
class SignalHourlyCountsTest {

  private static final Instant HOUR = Instant.parse("2026-02-02T10:00:00Z");

  @LocalServerPort int port;
  @Autowired SignalHourlyCounts counts;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  Api api;
  String productName;
  UUID releaseId;

  @BeforeEach
  void createRelease() {
    api = new Api(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String artifact = "registry.example.com/hourly-" + suffix;
    productName = "hourly-" + suffix;
    api.createProduct(productName, artifact);
    releaseId =
        UUID.fromString(api.createRelease(artifact, "1.0.0", "").json().get("id").asString());
  }

  @Test
  void batchIsGroupedByHourBandAndFlag() {
    List<Signal> batch = new ArrayList<>();
    batch.addAll(signals(HOUR.plusSeconds(1), "success", true, 2, 400));
    batch.addAll(signals(HOUR.plusSeconds(3599), "failed", true, 2, 100));
    batch.addAll(signals(HOUR.plusSeconds(3600), "success", true, 3, 250));
    batch.addAll(signals(HOUR.plusSeconds(60), "success", false, 2, 200));
    batch.addAll(signals(HOUR.plusSeconds(60), "failed", false, null, 50));

    transaction.executeWithoutResult(status -> counts.add(batch));

    assertThat(rows())
        .containsExactly(
            "2026-02-02T10:00:00Z band 0 stable 0 ok 50 failed",
            "2026-02-02T10:00:00Z band 2 stable 200 ok 0 failed",
            "2026-02-02T10:00:00Z band 2 canary 400 ok 100 failed",
            "2026-02-02T11:00:00Z band 3 canary 250 ok 0 failed");
  }

  @Test
  void laterBatchAddsToExistingRow() {
    transaction.executeWithoutResult(status -> counts.add(signals(HOUR, "success", true, 1, 3)));
    transaction.executeWithoutResult(
        status -> counts.add(signals(HOUR.plusSeconds(10), "failed", true, 1, 2)));

    assertThat(rows()).containsExactly("2026-02-02T10:00:00Z band 1 canary 3 ok 2 failed");
  }

  @Test
  void rolledBackBatchLeavesNoCount() {
    addAndRollBack(signals(HOUR, "success", true, 1, 5));

    assertThat(rows()).isEmpty();
  }

  @Test
  void concurrentFirstInsertsAddUp() throws Exception {
    CountDownLatch firstInserted = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      counts.add(signals(HOUR, "success", false, 0, 7));
                      firstInserted.countDown();
                      // Keeps the row uncommitted, so the second transaction's INSERT collides with
                      // it.
                      // NOTE: a second transaction that starts later than this finds the committed
                      // row and passes without taking the duplicate-key path.
                      pause(500);
                    }));
    assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();

    transaction.executeWithoutResult(status -> counts.add(signals(HOUR, "failed", false, null, 4)));
    first.get(30, TimeUnit.SECONDS);

    assertThat(rows()).containsExactly("2026-02-02T10:00:00Z band 0 stable 7 ok 4 failed");
  }

  @Test
  void metricsReuseResultUntilCountsCommit() {
    transaction.executeWithoutResult(status -> counts.add(signals(HOUR, "success", true, 1, 3)));
    assertThat(metricSuccesses()).isEqualTo(3);

    // A change that bypasses this replica's counters, as one made by another replica does.
    jdbc.sql("UPDATE signal_counts_hourly SET successes = 100 WHERE release_id = ?")
        .param(releaseId)
        .update();
    assertThat(metricSuccesses()).as("successes from the cached result").isEqualTo(3);

    addAndRollBack(signals(HOUR, "success", true, 1, 5));
    assertThat(metricSuccesses()).as("successes after a rolled-back batch").isEqualTo(3);

    transaction.executeWithoutResult(status -> counts.add(signals(HOUR, "success", true, 1, 1)));
    assertThat(metricSuccesses()).as("successes after a committed batch").isEqualTo(101);
  }

  /** Adds the signals in a transaction that then rolls back, as when storing them fails. */
  private void addAndRollBack(List<Signal> batch) {
    try {
      transaction.executeWithoutResult(
          status -> {
            counts.add(batch);
            throw new IllegalStateException("storing the signals failed");
          });
    } catch (IllegalStateException expected) {
      // Expected, because the batch must roll back.
    }
  }

  private long metricSuccesses() {
    Reply reply = api.get("/metrics/releases?product=" + productName);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    long successes = 0;
    for (JsonNode row : reply.json()) {
      successes += row.get("successes").asLong();
    }
    return successes;
  }

  private List<String> rows() {
    return jdbc.sql(
            "SELECT hour_start, band, is_canary, successes, failures FROM signal_counts_hourly"
                + " WHERE release_id = ? ORDER BY hour_start, band, is_canary")
        .param(releaseId)
        .query(
            (row, number) ->
                row.getObject("hour_start", java.time.OffsetDateTime.class).toInstant()
                    + " band "
                    + row.getInt("band")
                    + (row.getBoolean("is_canary") ? " canary " : " stable ")
                    + row.getLong("successes")
                    + " ok "
                    + row.getLong("failures")
                    + " failed")
        .list();
  }

  private List<Signal> signals(Instant at, String status, boolean canary, Integer band, int count) {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signals.add(
          new Signal(
              UUID.randomUUID(), releaseId, "1.0.0", "host-" + i, "", status, canary, band, at));
    }
    return signals;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
