package dev.canarypy.server.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code signal_counts_hourly} table with its release and product names. */
@Repository
public class HourlyCountRepository {

  private final JdbcClient jdbc;

  public HourlyCountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Finds the counters that match every filter given; a null filter matches everything.
   *
   * @param fromHour the first hour to include, inclusive
   * @param to the end of the window, exclusive
   */
  public List<HourlyCount> find(
      UUID productId, String semverVersion, Instant fromHour, Instant to) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT p.name, r.semver_version, c.hour_start, c.band, c.is_canary, c.successes,"
                + " c.failures FROM signal_counts_hourly c"
                + " JOIN releases r ON r.id = c.release_id"
                + " JOIN products p ON p.id = r.product_id WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (productId != null) {
      sql.append(" AND r.product_id = ?");
      params.add(productId);
    }
    if (semverVersion != null) {
      sql.append(" AND r.semver_version = ?");
      params.add(semverVersion);
    }
    if (fromHour != null) {
      sql.append(" AND c.hour_start >= ?");
      params.add(OffsetDateTime.ofInstant(fromHour, ZoneOffset.UTC));
    }
    if (to != null) {
      sql.append(" AND c.hour_start < ?");
      params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
    sql.append(" ORDER BY c.hour_start, p.name, r.semver_version, c.band, c.is_canary");

    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (row, number) ->
                new HourlyCount(
                    row.getString("name"),
                    row.getString("semver_version"),
                    row.getObject("hour_start", OffsetDateTime.class).toInstant(),
                    row.getInt("band"),
                    row.getBoolean("is_canary"),
                    row.getLong("successes"),
                    row.getLong("failures")))
        .list();
  }
}
