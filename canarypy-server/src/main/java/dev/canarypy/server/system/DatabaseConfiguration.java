package dev.canarypy.server.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Builds the connection pool from the {@code CANARYPY_DB_*} variables. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean
  DatabaseLocation databaseLocation(Environment environment) {
    DatabaseLocation location = DatabaseLocation.resolve(environment::getProperty);
    log.info("Using {}", location.description());
    return location;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(DatabaseLocation location) {
    return createDataSource(location);
  }

  /** Creates a pool for the location; {@code canarypy db init} uses it without Spring. */
  public static HikariDataSource createDataSource(DatabaseLocation location) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("canarypy");
    config.setJdbcUrl(location.jdbcUrl());
    config.setUsername(location.username());
    config.setPassword(location.password());
    // A request waiting for a connection fails after this long with a 503 instead of hanging.
    config.setConnectionTimeout(5_000);
    config.setMaximumPoolSize(10);
    if (location.jdbcUrl().startsWith("jdbc:postgresql:")) {
      // Sends a JDBC batch of inserts as multi-row INSERT statements, so a POST /signals batch
      // costs a few statements instead of one per signal. The driver then reports no row counts.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    // The pool starts even when the database is down, so the server can report 503 and recover.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
