package dev.canarypy.server.system;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Closes the server's application context on SIGTERM and SIGINT before the JVM runs its shutdown
 * hooks.
 *
 * <p>The embedded H2 database registers a shutdown hook of its own that closes the database at
 * once. Shutdown hooks run in parallel, so on a plain SIGTERM a request still in flight during the
 * graceful shutdown fails with 503. Handling the signal here lets Spring finish the requests and
 * stop the evaluator first. The JVM then exits because no server thread is left. A second signal
 * exits at once, as the JVM's own handler would.
 */
public final class ShutdownSignals {

  private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  /** Installs the handlers for a server started as the process's main program. */
  public static void closeOnSignal(ConfigurableApplicationContext context) {
    AtomicBoolean closing = new AtomicBoolean();
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> handle(signal, context, closing));
      } catch (IllegalArgumentException unavailable) {
        // The JVM keeps its own handler, for example when started with -Xrs.
        log.debug("Cannot handle SIG{}; the JVM's shutdown hooks stop the server", name);
      }
    }
  }

  private static void handle(
      Signal signal, ConfigurableApplicationContext context, AtomicBoolean closing) {
    if (!closing.compareAndSet(false, true)) {
      log.info("SIG{} received again; exiting without waiting for requests", signal.getName());
      System.exit(128 + signal.getNumber());
    }
    log.info("SIG{} received; stopping the server", signal.getName());
    context.close();
  }
}
