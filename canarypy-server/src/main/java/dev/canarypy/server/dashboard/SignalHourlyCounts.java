package dev.canarypy.server.dashboard;

import dev.canarypy.server.signal.Signal;
import dev.canarypy.server.signal.SignalStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps hourly success and failure counters per release, band and canary flag as signals arrive, so
 * the charts never scan the signals table.
 *
 * <p>The upsert is portable between PostgreSQL and H2: an UPDATE first, an INSERT when no row
 * changed, and the UPDATE once more when another replica inserted the same row in between. The
 * UPDATEs of one call go to the database as one JDBC batch, so the common case, where every row
 * exists, costs one round trip.
 */
@Component
public class SignalHourlyCounts {

  private static final Logger log = LoggerFactory.getLogger(SignalHourlyCounts.class);

  /** Orders keys so that concurrent batches lock shared rows in the same order. */
  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::releaseId)
          .thenComparing(Key::hourStart)
          .thenComparingInt(Key::band)
          .thenComparing(Key::isCanary);

  private static final String UPDATE =
      "UPDATE signal_counts_hourly SET successes = successes + ?, failures = failures + ?"
          + " WHERE release_id = ? AND hour_start = ? AND band = ? AND is_canary = ?";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate savepoint;
  private final AtomicLong committedChanges = new AtomicLong();

  public SignalHourlyCounts(
      JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    // PostgreSQL aborts the whole transaction on a failed INSERT unless it ran inside a savepoint,
    // and a nested transaction is a savepoint in the caller's transaction.
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Adds the signals to their hourly counters in the caller's transaction, which stores them. The
   * batch is summed in memory first, so it costs one UPDATE per distinct counter row, not per
   * signal.
   */
  public void add(List<Signal> signals) {
    Map<Key, long[]> counts = new TreeMap<>(KEY_ORDER);
    for (Signal signal : signals) {
      long[] row = counts.computeIfAbsent(Key.of(signal), key -> new long[2]);
      boolean success = SignalStatus.SUCCESS.wireName().equals(signal.status());
      row[success ? 0 : 1]++;
    }
    if (counts.isEmpty()) {
      return;
    }
    countCommit();
    List<Map.Entry<Key, long[]>> rows = new ArrayList<>(counts.entrySet());
    int[][] changed =
        jdbcTemplate.batchUpdate(
            UPDATE,
            rows,
            rows.size(),
            (statement, row) -> {
              statement.setLong(1, row.getValue()[0]);
              statement.setLong(2, row.getValue()[1]);
              statement.setObject(3, row.getKey().releaseId());
              statement.setObject(4, timestamp(row.getKey().hourStart()));
              statement.setInt(5, row.getKey().band());
              statement.setBoolean(6, row.getKey().isCanary());
            });
    for (int i = 0; i < rows.size(); i++) {
      int rowsChanged = changed[0][i];
      if (rowsChanged < 0) {
        // A driver that reports no count (Statement.SUCCESS_NO_INFO) would leave a missing row
        // undetected and its signals uncounted, so the transaction rolls back instead.
        throw new IllegalStateException(
            "The database did not report whether hourly counter "
                + rows.get(i).getKey()
                + " was updated");
      }
      if (rowsChanged == 0) {
        insertOrUpdate(rows.get(i).getKey(), rows.get(i).getValue()[0], rows.get(i).getValue()[1]);
      }
    }
  }

  /**
   * Returns how many transactions that changed counters this replica has committed, so a reader can
   * tell that its copy of the counters is out of date.
   */
  public long committedChanges() {
    return committedChanges.get();
  }

  /**
   * Counts the caller's transaction once it commits, because until then readers see the old rows.
   */
  private void countCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      committedChanges.incrementAndGet();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            committedChanges.incrementAndGet();
          }
        });
  }

  /** Inserts a counter row that the UPDATE did not find, or updates it when another replica did. */
  private void insertOrUpdate(Key key, long successes, long failures) {
    try {
      savepoint.executeWithoutResult(status -> insert(key, successes, failures));
    } catch (DuplicateKeyException concurrentInsert) {
      // Another transaction inserted the row after our UPDATE found none; it is committed now.
      log.debug("Hourly counter {} was inserted concurrently; updating it instead", key);
      if (!update(key, successes, failures)) {
        throw new IllegalStateException(
            "Hourly counter " + key + " was reported as a duplicate but cannot be found",
            concurrentInsert);
      }
    }
  }

  private boolean update(Key key, long successes, long failures) {
    int changed =
        jdbc.sql(UPDATE)
            .params(
                successes,
                failures,
                key.releaseId(),
                timestamp(key.hourStart()),
                key.band(),
                key.isCanary())
            .update();
    return changed > 0;
  }

  private void insert(Key key, long successes, long failures) {
    jdbc.sql(
            "INSERT INTO signal_counts_hourly (release_id, hour_start, band, is_canary, successes,"
                + " failures) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            key.releaseId(),
            timestamp(key.hourStart()),
            key.band(),
            key.isCanary(),
            successes,
            failures)
        .update();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * One counter row.
   *
   * @param hourStart the start of the signal's hour in UTC
   * @param band the canary's band when the signal arrived, 0 when no canary was in flight
   */
  record Key(UUID releaseId, Instant hourStart, int band, boolean isCanary) {

    static Key of(Signal signal) {
      return new Key(
          signal.releaseId(),
          signal.createdAt().truncatedTo(ChronoUnit.HOURS),
          signal.band() == null ? 0 : signal.band(),
          signal.isCanary());
    }
  }
}
