package dev.canarypy.cli.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A new, empty PostgreSQL database on 127.0.0.1:5432 (user postgres, trust authentication) for one
 * test. Closing it drops the database and ends the connections still open to it.
 */
public final class ScratchDatabase implements AutoCloseable {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private final String name;

  private ScratchDatabase(String name) {
    this.name = name;
  }

  /** Creates a database whose name starts with {@code prefix} and ends with a random suffix. */
  public static ScratchDatabase create(String prefix) throws SQLException {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(ADMIN_URL, "CREATE DATABASE " + name);
    return new ScratchDatabase(name);
  }

  /** Returns the environment that points {@code canarypy api start} at this database. */
  public Map<String, String> environment() {
    return Map.of("CANARYPY_DB_CONN_STRING", "postgresql://postgres@127.0.0.1:5432/" + name);
  }

  /**
   * Runs a query with {@code ?} parameters and returns the number in the first column of its first
   * row, such as a {@code count(*)}.
   */
  public long queryLong(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /**
   * Runs a query whose rows are a text and a number, such as a {@code GROUP BY} with {@code
   * count(*)}, and returns them as a map from the text to the number.
   */
  public Map<String, Long> queryCounts(String sql) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        counts.put(result.getString(1), result.getLong(2));
      }
    }
    return counts;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
  }

  @Override
  public void close() throws SQLException {
    execute(ADMIN_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
