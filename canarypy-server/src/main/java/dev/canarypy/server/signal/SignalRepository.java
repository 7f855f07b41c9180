package dev.canarypy.server.signal;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads the {@code signals} table. */
@Repository
public class SignalRepository {

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  public SignalRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
  }

  /** Inserts signals in one JDBC batch. */
  public void insertAll(List<Signal> signals) {
    jdbcTemplate.batchUpdate(
        "INSERT INTO signals (id, release_id, instance_id, description, status, is_canary, band,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        signals,
        500,
        (statement, signal) -> {
          statement.setObject(1, signal.id());
          statement.setObject(2, signal.releaseId());
          statement.setString(3, signal.instanceId());
          statement.setString(4, signal.description());
          statement.setString(5, signal.status());
          statement.setBoolean(6, signal.isCanary());
          if (signal.band() == null) {
            statement.setNull(7, Types.INTEGER);
          } else {
            statement.setInt(7, signal.band());
          }
          statement.setObject(8, OffsetDateTime.ofInstant(signal.createdAt(), ZoneOffset.UTC));
        });
  }

  /** Lists the newest signals of a product, optionally of one version. */
  public List<Signal> findNewest(UUID productId, String semverVersion, int limit) {
    String sql =
        "SELECT s.id, s.release_id, r.semver_version, s.instance_id, s.description, s.status,"
            + " s.is_canary, s.band, s.created_at FROM signals s JOIN releases r ON r.id ="
            + " s.release_id WHERE r.product_id = ?"
            + (semverVersion == null ? "" : " AND r.semver_version = ?")
            + " ORDER BY s.created_at DESC LIMIT ?";
    JdbcClient.StatementSpec statement = jdbc.sql(sql).param(productId);
    if (semverVersion != null) {
      statement = statement.param(semverVersion);
    }
    return statement
        .param(limit)
        .query(
            (row, number) -> {
              int band = row.getInt("band");
              Integer bandOrNull = row.wasNull() ? null : band;
              return new Signal(
                  row.getObject("id", UUID.class),
                  row.getObject("release_id", UUID.class),
                  row.getString("semver_version"),
                  row.getString("instance_id"),
                  row.getString("description"),
                  row.getString("status"),
                  row.getBoolean("is_canary"),
                  bandOrNull,
                  row.getObject("created_at", OffsetDateTime.class).toInstant());
            })
        .list();
  }
}
