package dev.canarypy.server.system;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs a database outage once when it starts and once when it ends, not once per failed request.
 */
@Component
public class DatabaseOutageLog {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageLog.class);

  private final AtomicBoolean down = new AtomicBoolean();

  /** Records a failed database call; only the first failure of an outage is logged. */
  public void failed(Exception exception) {
    if (down.compareAndSet(false, true)) {
      log.error("Database unavailable, so requests get 503 responses until it is back", exception);
    }
  }

  /** Records a database call that worked; logs the end of an outage once. */
  public void succeeded() {
    if (down.compareAndSet(true, false)) {
      log.info("Database available again; serving requests");
    }
  }
}
