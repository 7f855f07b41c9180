package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.HealthAnalyzer;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Clock;

/** STUB: contract for the server. */
public final class LifecycleEngine {

  public LifecycleEngine(HealthAnalyzer analyzer, Clock clock) {}

  public Decision evaluate(CanaryState state) {
    throw new UnsupportedOperationException();
  }

  public Decision settleForNewRelease(CanaryState state) {
    throw new UnsupportedOperationException();
  }

  public static ReleaseStatus initialStatus(boolean productHasStable, boolean isCanary) {
    throw new UnsupportedOperationException();
  }
}
