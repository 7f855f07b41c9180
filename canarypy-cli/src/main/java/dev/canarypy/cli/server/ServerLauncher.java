package dev.canarypy.cli.server;

import dev.canarypy.server.CanaryPyServerApplication;
import dev.canarypy.server.system.DatabaseLocation;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Calls into the server module. It is the only class of the command line that refers to Spring and
 * the server, so the JVM loads them only when {@code api start} or {@code db init} runs.
 */
final class ServerLauncher {

  private ServerLauncher() {}

  /** Starts the server and blocks until its application context has closed. */
  static void runUntilStopped(String[] springArgs) throws InterruptedException {
    ConfigurableApplicationContext context = CanaryPyServerApplication.start(springArgs);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    // The context may have closed between the start and the listener's registration.
    if (context.isActive()) {
      closed.await();
    }
    // The event comes at the start of the close, before requests in flight have finished. Returning
    // now would let the JVM exit and H2's shutdown hook close the database under those requests.
    while (context.isActive()) {
      Thread.sleep(20);
    }
  }

  /**
   * Returns where the configured database is, without credentials, or why the configuration is
   * invalid, so that start-up errors can name the database they tried.
   */
  static String databaseDescription() {
    try {
      return DatabaseLocation.resolve(System::getenv).description();
    } catch (IllegalArgumentException invalid) {
      return invalid.getMessage();
    }
  }

  /** Migrates the configured database and returns its location, without credentials. */
  static String migrateDatabase() {
    return CanaryPyServerApplication.migrateDatabase();
  }
}
