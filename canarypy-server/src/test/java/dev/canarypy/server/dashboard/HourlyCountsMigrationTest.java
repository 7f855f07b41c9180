package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.support.TestDatabase;
import dev.canarypy.server.system.DatabaseLocation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that adds the hourly counters also counts the signals stored before it, by UTC hour
 * even when the database session runs in a time zone half an hour off UTC.
 */
@ServerTest
class HourlyCountsMigrationTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void migrationCountsSignalsStoredBefore() {
    DatabaseLocation location =
        DatabaseLocation.resolve(
            Map.of(DatabaseLocation.CONN_STRING, TestDatabase.createDatabase())::get);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    config.setUsername(location.username() == null ? "sa" : location.username());
    config.setPassword(location.password() == null ? "" : location.password());
    config.setConnectionInitSql("SET TIME ZONE 'Asia/Kolkata'");
    config.setMaximumPoolSize(2);

    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      migrate(dataSource, "1");
      JdbcClient jdbc = JdbcClient.create(dataSource);
      UUID release = insertProductAndRelease(jdbc);
      insertSignal(jdbc, release, "2026-03-01T09:59:59Z", "success", true, 1);
      insertSignal(jdbc, release, "2026-03-01T10:00:00Z", "success", true, 1);
      insertSignal(jdbc, release, "2026-03-01T10:29:00Z", "failed", true, 1);
      insertSignal(jdbc, release, "2026-03-01T10:31:00Z", "success", true, 1);
      insertSignal(jdbc, release, "2026-03-01T10:45:00Z", "failed", false, null);

      migrate(dataSource, "latest");

      List<String> rows =
          jdbc.sql(
                  "SELECT hour_start, band, is_canary, successes, failures FROM"
                      + " signal_counts_hourly ORDER BY hour_start, band, is_canary")
              .query(
                  (row, number) ->
                      row.getObject("hour_start", OffsetDateTime.class).toInstant()
                          + " band "
                          + row.getInt("band")
                          + (row.getBoolean("is_canary") ? " canary " : " not canary ")
                          + row.getLong("successes")
                          + " ok "
                          + row.getLong("failures")
                          + " failed")
              .list();

      assertThat(rows)
          .containsExactly(
              "2026-03-01T09:00:00Z band 1 canary 1 ok 0 failed",
              "2026-03-01T10:00:00Z band 0 not canary 0 ok 1 failed",
              "2026-03-01T10:00:00Z band 1 canary 2 ok 1 failed");
    }
  }

  private static void migrate(HikariDataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  private static UUID insertProductAndRelease(JdbcClient jdbc) {
    UUID product = UUID.randomUUID();
    UUID release = UUID.randomUUID();
    OffsetDateTime created = CREATED.atOffset(ZoneOffset.UTC);
    jdbc.sql(
            "INSERT INTO products (id, name, repository_url, artifact_url, created_at)"
                + " VALUES (?, 'migrated', 'https://git.example.com/migrated',"
                + " 'registry.example.com/migrated', ?)")
        .params(product, created)
        .update();
    jdbc.sql(
            "INSERT INTO releases (id, product_id, semver_version, status, release_date,"
                + " canary_period_days, band_count, threshold, min_signals, tolerance,"
                + " created_at) VALUES (?, ?, '1.0.0', 'canary', ?, 2, 5, 80, 10, 5, ?)")
        .params(release, product, created, created)
        .update();
    return release;
  }

  private static void insertSignal(
      JdbcClient jdbc, UUID release, String at, String status, boolean canary, Integer band) {
    jdbc.sql(
            "INSERT INTO signals (id, release_id, instance_id, description, status, is_canary,"
                + " band, created_at) VALUES (?, ?, 'host-1', '', ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            release,
            status,
            canary,
            band,
            Instant.parse(at).atOffset(ZoneOffset.UTC))
        .update();
  }
}
