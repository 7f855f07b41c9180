package dev.canarypy.server.release;

import dev.canarypy.core.analysis.SignalCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the {@code release_events} audit trail. */
@Repository
public class ReleaseEventRepository {

  private final JdbcClient jdbc;

  public ReleaseEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ReleaseEvent event) {
    jdbc.sql(
            "INSERT INTO release_events (release_id, type, from_status, to_status, actor, reason,"
                + " verdict, canary_successes, canary_failures, stable_successes,"
                + " stable_failures, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            event.releaseId(),
            event.type(),
            event.fromStatus(),
            event.toStatus(),
            event.actor(),
            event.reason(),
            event.verdict(),
            event.canary() == null ? null : event.canary().successes(),
            event.canary() == null ? null : event.canary().failures(),
            event.stable() == null ? null : event.stable().successes(),
            event.stable() == null ? null : event.stable().failures(),
            ReleaseRepository.timestamp(event.createdAt()))
        .update();
  }

  /** Lists a release's events, oldest first. */
  public List<ReleaseEvent> findByRelease(UUID releaseId) {
    return jdbc.sql("SELECT * FROM release_events WHERE release_id = ? ORDER BY id")
        .param(releaseId)
        .query(ReleaseEventRepository::map)
        .list();
  }

  /** Counts a release's events of one type; tests use it to check decisions happen once. */
  public long countByType(UUID releaseId, String type) {
    return jdbc.sql("SELECT COUNT(*) FROM release_events WHERE release_id = ? AND type = ?")
        .params(releaseId, type)
        .query(Long.class)
        .single();
  }

  private static ReleaseEvent map(ResultSet row, int number) throws SQLException {
    return new ReleaseEvent(
        row.getLong("id"),
        row.getObject("release_id", UUID.class),
        row.getString("type"),
        row.getString("from_status"),
        row.getString("to_status"),
        row.getString("actor"),
        row.getString("reason"),
        row.getString("verdict"),
        counts(row, "canary_successes", "canary_failures"),
        counts(row, "stable_successes", "stable_failures"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static SignalCounts counts(ResultSet row, String successes, String failures)
      throws SQLException {
    long value = row.getLong(successes);
    return row.wasNull() ? null : new SignalCounts(value, row.getLong(failures));
  }
}
