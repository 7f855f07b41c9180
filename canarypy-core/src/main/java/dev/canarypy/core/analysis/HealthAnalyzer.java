package dev.canarypy.core.analysis;

import dev.canarypy.core.release.CanarySettings;

/** STUB: contract for the server. */
public final class HealthAnalyzer {

  public Analysis analyze(SignalCounts canary, SignalCounts stable, CanarySettings settings) {
    throw new UnsupportedOperationException();
  }
}
