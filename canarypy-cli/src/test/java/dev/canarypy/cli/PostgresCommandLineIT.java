package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.CanaryPyJar;
import dev.canarypy.cli.support.CommandResult;
import dev.canarypy.cli.support.ServerProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the main commands against a server on PostgreSQL at 127.0.0.1:5432 (user postgres, trust
 * authentication), in a database that the test creates and drops.
 */
class PostgresCommandLineIT {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static final String DATABASE =
      "canarypy_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private static final Map<String, String> DATABASE_ENVIRONMENT =
      Map.of("CANARYPY_DB_CONN_STRING", "postgresql://postgres@127.0.0.1:5432/" + DATABASE);

  private static ServerProcess server;

  @BeforeAll
  static void createDatabaseAndStartServer() throws Exception {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    server = ServerProcess.start(DATABASE_ENVIRONMENT);
  }

  @AfterAll
  static void stopServerAndDropDatabase() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
    }
  }

  private static CommandResult canarypy(String... args) throws Exception {
    return CanaryPyJar.run(server.environment(), null, args);
  }

  @Test
  void dbInitReportsPostgresLocation() throws Exception {
    CommandResult result = CanaryPyJar.run(DATABASE_ENVIRONMENT, null, "db", "init");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Migrated the database: PostgreSQL database '"
                + DATABASE
                + "' at 127.0.0.1:5432 as user 'postgres'.");
  }

  @Test
  void canaryFlowOnPostgres() throws Exception {
    CommandResult product =
        canarypy(
            "product",
            "create",
            "--name",
            "pg job",
            "--repository-url",
            "https://git.example/pg",
            "--artifact-url",
            "registry.example/pg-job");
    CommandResult stable =
        canarypy(
            "release",
            "create",
            "--semver-version",
            "1.0.0",
            "--artifact-url",
            "registry.example/pg-job");
    CommandResult canary =
        canarypy(
            "release",
            "create",
            "--semver-version",
            "1.1.0",
            "--artifact-url",
            "registry.example/pg-job",
            "--band-count",
            "1",
            "--canary-period",
            "1");
    CommandResult signal =
        canarypy(
            "signal",
            "create",
            "--status",
            "failed",
            "--description",
            "timeout",
            "--instance-id",
            "pg-worker",
            "--semver-version",
            "1.1.0",
            "--artifact-url",
            "registry.example/pg-job");
    CommandResult status = canarypy("release", "status", "--product", "pg job");
    CommandResult promoted = canarypy("release", "promote", "--product", "pg job");

    assertThat(product.exitCode()).as(product.stderr()).isZero();
    assertThat(stable.out()).startsWith("Created release 1.0.0 of pg job with status stable.");
    assertThat(canary.out()).startsWith("Created release 1.1.0 of pg job with status canary.");
    assertThat(signal.out())
        .isEqualTo(
            "Recorded a failed signal of version 1.1.0 from instance pg-worker for the canary in"
                + " band 1.");
    assertThat(status.out())
        .contains(
            "Version:          1.1.0\n",
            "Band:             1 of 1, target share 100.0% (running)\n",
            "Canary signals:   0 successes, 1 failure (1 total)\n");
    assertThat(promoted.out()).isEqualTo("Promoted release 1.1.0 of pg job: status stable.");
  }
}
