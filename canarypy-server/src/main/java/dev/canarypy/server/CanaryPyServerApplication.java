package dev.canarypy.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.canarypy.server.system.DatabaseConfiguration;
import dev.canarypy.server.system.DatabaseLocation;
import dev.canarypy.server.system.ShutdownSignals;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The CanaryPy server: REST API, persistence and the background canary evaluator. */
@SpringBootApplication
@EnableScheduling
public class CanaryPyServerApplication {

  private static final Logger log = LoggerFactory.getLogger(CanaryPyServerApplication.class);

  public static void main(String[] args) {
    start(args);
  }

  /**
   * Starts the server and returns once it listens. Reads every {@code CANARYPY_*} variable. SIGTERM
   * and SIGINT then stop the server gracefully, see {@link ShutdownSignals}.
   *
   * @param springArgs Spring Boot command-line arguments such as {@code --server.port=9090}
   */
  public static ConfigurableApplicationContext start(String... springArgs) {
    SpringApplication application = new SpringApplication(CanaryPyServerApplication.class);
    // Started from the command line's jar, Spring would otherwise name the command's main class.
    application.setMainApplicationClass(CanaryPyServerApplication.class);
    application.setDefaultProperties(defaultProperties(System.getenv()));
    if (Boolean.parseBoolean(System.getenv("CANARYPY_API_RELOAD"))) {
      log.warn(
          "CANARYPY_API_RELOAD is true, but a packaged JVM server does not reload code;"
              + " restart the server to run changed code");
    }
    ConfigurableApplicationContext context = application.run(springArgs);
    ShutdownSignals.closeOnSignal(context);
    return context;
  }

  static Map<String, Object> defaultProperties(Map<String, String> environment) {
    Map<String, Object> properties = new HashMap<>();
    if (Boolean.parseBoolean(environment.get("CANARYPY_API_DEBUG"))) {
      properties.put("logging.level.dev.canarypy", "debug");
    }
    return properties;
  }

  /**
   * Creates or migrates the schema of the configured database without starting the server.
   *
   * @return where the database is, without credentials
   */
  public static String migrateDatabase() {
    DatabaseLocation location = DatabaseLocation.resolve(System::getenv);
    try (HikariDataSource dataSource = DatabaseConfiguration.createDataSource(location)) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    }
    return location.description();
  }
}
