package dev.canarypy.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs when the server is ready to serve requests and when it stops. */
@Component
public class ServerLifecycleLog {

  private static final Logger log = LoggerFactory.getLogger(ServerLifecycleLog.class);

  private final DatabaseLocation database;
  private final Environment environment;

  public ServerLifecycleLog(DatabaseLocation database, Environment environment) {
    this.database = database;
    this.environment = environment;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : -1;
    log.info(
        "CanaryPy server ready on http://{}:{} with the {}; API documentation at /docs",
        environment.getProperty("server.address", "0.0.0.0"),
        port,
        database.description());
  }

  @EventListener
  void stopping(ContextClosedEvent event) {
    log.info("CanaryPy server stopping; requests in flight are finished first");
  }
}
