package dev.canarypy.server.release;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code releases} table. */
@Repository
public class ReleaseRepository {

  private static final String COLUMNS =
      "id, product_id, semver_version, status, release_date, canary_period_days, band_count,"
          + " threshold, min_signals, tolerance, success_count, failure_count,"
          + " baseline_release_id, baseline_successes, baseline_failures, paused_band,"
          + " paused_share, created_at, decided_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  public ReleaseRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  public void insert(Release release) {
    CanarySettings settings = release.settings();
    SignalCounts baseline = release.baselineAtStart();
    jdbc.sql(
            "INSERT INTO releases ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            release.id(),
            release.productId(),
            release.semverVersion(),
            release.status().wireName(),
            timestamp(release.releaseDate()),
            settings.canaryPeriodDays(),
            settings.bandCount(),
            settings.thresholdPercent(),
            settings.minSignals(),
            settings.tolerancePoints(),
            release.counts().successes(),
            release.counts().failures(),
            release.baselineReleaseId(),
            baseline == null ? null : baseline.successes(),
            baseline == null ? null : baseline.failures(),
            release.pausedBand(),
            release.pausedShare(),
            timestamp(release.createdAt()),
            timestamp(release.decidedAt()))
        .update();
  }

  public Optional<Release> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM releases WHERE id = ?")
        .param(id)
        .query(ReleaseRepository::map)
        .optional();
  }

  public Optional<Release> findByVersion(UUID productId, String semverVersion) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM releases WHERE product_id = ? AND semver_version = ?")
        .params(productId, semverVersion)
        .query(ReleaseRepository::map)
        .optional();
  }

  /** Lists a product's releases, newest first. */
  public List<Release> findByProduct(UUID productId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM releases WHERE product_id = ? ORDER BY created_at DESC, release_date DESC")
        .param(productId)
        .query(ReleaseRepository::map)
        .list();
  }

  public Optional<Release> findStable(UUID productId) {
    return findOneWithStatus(productId, "'stable'");
  }

  /** Finds the product's canary in flight, running or paused. */
  public Optional<Release> findInFlight(UUID productId) {
    return findOneWithStatus(productId, "'canary', 'paused'");
  }

  /** Finds the release that was stable most recently before the current one. */
  public Optional<Release> findPreviousStable(UUID productId) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM releases WHERE product_id = ? AND status = 'inactive'"
                + " ORDER BY decided_at DESC NULLS LAST, created_at DESC")
        .param(productId)
        .query(ReleaseRepository::map)
        .list()
        .stream()
        .findFirst();
  }

  private Optional<Release> findOneWithStatus(UUID productId, String statuses) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM releases WHERE product_id = ? AND status IN ("
                + statuses
                + ") ORDER BY created_at DESC")
        .param(productId)
        .query(ReleaseRepository::map)
        .list()
        .stream()
        .findFirst();
  }

  /** Lists the ids of every running canary, for the background evaluator. */
  public List<UUID> findRunningCanaryIds() {
    return jdbc.sql("SELECT id FROM releases WHERE status = 'canary'")
        .query((row, number) -> row.getObject("id", UUID.class))
        .list();
  }

  /**
   * Moves a release from one status to another.
   *
   * @return false when the release was no longer in {@code from}, so nothing changed
   */
  public boolean updateStatus(UUID id, ReleaseStatus from, ReleaseStatus to, Instant decidedAt) {
    return jdbc.sql(
                "UPDATE releases SET status = ?, decided_at = ?, paused_band = NULL,"
                    + " paused_share = NULL WHERE id = ? AND status = ?")
            .params(to.wireName(), timestamp(decidedAt), id, from.wireName())
            .update()
        == 1;
  }

  /** Pauses a running canary at the given band and share. */
  public boolean pause(UUID id, int band, double share) {
    return jdbc.sql(
                "UPDATE releases SET status = 'paused', paused_band = ?, paused_share = ?"
                    + " WHERE id = ? AND status = 'canary'")
            .params(band, share, id)
            .update()
        == 1;
  }

  /**
   * Adds signal counts to the releases' counters as one JDBC batch, in the map's iteration order.
   * Pass a map sorted by release id, so that concurrent transactions lock the rows in one order.
   */
  public void addCounts(Map<UUID, SignalCounts> countsByRelease) {
    if (countsByRelease.isEmpty()) {
      return;
    }
    List<Map.Entry<UUID, SignalCounts>> rows = new ArrayList<>(countsByRelease.entrySet());
    jdbcTemplate.batchUpdate(
        "UPDATE releases SET success_count = success_count + ?,"
            + " failure_count = failure_count + ? WHERE id = ?",
        rows,
        rows.size(),
        (statement, row) -> {
          statement.setLong(1, row.getValue().successes());
          statement.setLong(2, row.getValue().failures());
          statement.setObject(3, row.getKey());
        });
  }

  public SignalCounts counts(UUID id) {
    return jdbc.sql("SELECT success_count, failure_count FROM releases WHERE id = ?")
        .param(id)
        .query(
            (row, number) ->
                new SignalCounts(row.getLong("success_count"), row.getLong("failure_count")))
        .optional()
        .orElse(SignalCounts.NONE);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Release map(ResultSet row, int rowNumber) throws SQLException {
    CanarySettings settings =
        new CanarySettings(
            CanarySettings.periodOfDays(row.getDouble("canary_period_days")),
            row.getInt("band_count"),
            row.getDouble("threshold"),
            row.getInt("min_signals"),
            row.getDouble("tolerance"));
    long baselineSuccesses = row.getLong("baseline_successes");
    SignalCounts baseline =
        row.wasNull()
            ? null
            : new SignalCounts(baselineSuccesses, row.getLong("baseline_failures"));
    int pausedBand = row.getInt("paused_band");
    Integer paused = row.wasNull() ? null : pausedBand;
    double pausedShareValue = row.getDouble("paused_share");
    Double pausedShare = row.wasNull() ? null : pausedShareValue;
    return new Release(
        row.getObject("id", UUID.class),
        row.getObject("product_id", UUID.class),
        row.getString("semver_version"),
        ReleaseStatus.fromWireName(row.getString("status")),
        instant(row, "release_date"),
        settings,
        new SignalCounts(row.getLong("success_count"), row.getLong("failure_count")),
        row.getObject("baseline_release_id", UUID.class),
        baseline,
        paused,
        pausedShare,
        instant(row, "created_at"),
        instant(row, "decided_at"));
  }
}
