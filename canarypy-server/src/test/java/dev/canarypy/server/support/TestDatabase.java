package dev.canarypy.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 database, or a new
 * PostgreSQL database on the local server when the system property {@code canarypy.test.database}
 * is {@code postgresql}. The PostgreSQL database is dropped when the test JVM exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String KIND_PROPERTY = "canarypy.test.database";
  private static final String POSTGRES_URL_PROPERTY = "canarypy.test.postgres.url";
  private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String connString = createDatabase();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "canarypy-test-database", Map.of("CANARYPY_DB_CONN_STRING", connString)));
  }

  /** Returns whether the tests run against PostgreSQL rather than H2. */
  public static boolean postgres() {
    return "postgresql".equals(System.getProperty(KIND_PROPERTY, "h2"));
  }

  /** Creates a new empty database and returns its {@code CANARYPY_DB_CONN_STRING}. */
  public static String createDatabase() {
    String name = "canarypy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!postgres()) {
      return "jdbc:h2:mem:"
          + name
          + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
    String adminUrl = System.getProperty(POSTGRES_URL_PROPERTY, DEFAULT_POSTGRES_URL);
    execute(adminUrl, "CREATE DATABASE " + name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    String hostAndPort = adminUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
    return "postgresql://postgres@" + hostAndPort + "/" + name;
  }

  private static void execute(String adminUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failure) {
      throw new IllegalStateException(
          "Could not run '" + sql + "' on " + adminUrl + "; is PostgreSQL up on 127.0.0.1:5432?",
          failure);
    }
  }
}
