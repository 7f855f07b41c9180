package dev.canarypy.server.release;

import dev.canarypy.server.system.DatabaseOutageLog;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at every running canary on a fixed delay, so canaries are promoted at the end of their
 * period and rolled back even when no request arrives.
 */
@Component
public class CanaryEvaluator {

  private static final Logger log = LoggerFactory.getLogger(CanaryEvaluator.class);

  private final ReleaseRepository releases;
  private final ReleaseLifecycle lifecycle;
  private final DatabaseOutageLog outageLog;

  public CanaryEvaluator(
      ReleaseRepository releases, ReleaseLifecycle lifecycle, DatabaseOutageLog outageLog) {
    this.releases = releases;
    this.lifecycle = lifecycle;
    this.outageLog = outageLog;
  }

  @Scheduled(
      fixedDelayString = "${canarypy.evaluator.interval:5s}",
      initialDelayString = "${canarypy.evaluator.interval:5s}")
  void scheduledRun() {
    try {
      evaluateAll();
      outageLog.succeeded();
    } catch (DataAccessException failure) {
      outageLog.failed(failure);
    }
  }

  /**
   * Evaluates every running canary once.
   *
   * @return how many decisions were carried out
   */
  public int evaluateAll() {
    int decisions = 0;
    for (UUID releaseId : releases.findRunningCanaryIds()) {
      try {
        if (lifecycle.evaluate(releaseId).isPresent()) {
          decisions++;
        }
      } catch (DataAccessResourceFailureException outage) {
        // The database is down: stop this run; the outage is logged once by the caller.
        throw outage;
      } catch (RuntimeException failure) {
        log.error("Evaluating canary release {} failed", releaseId, failure);
      }
    }
    return decisions;
  }
}
