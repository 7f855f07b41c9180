package dev.canarypy.core.release;

import java.time.Duration;

/** STUB: contract for the server; the core implementation replaces the body. */
public record CanarySettings(
    Duration canaryPeriod,
    int bandCount,
    double thresholdPercent,
    int minSignals,
    double tolerancePoints) {

  public static final double DEFAULT_CANARY_PERIOD_DAYS = 2;
  public static final int DEFAULT_BAND_COUNT = 5;
  public static final double DEFAULT_THRESHOLD_PERCENT = 80;
  public static final int DEFAULT_MIN_SIGNALS = 10;
  public static final double DEFAULT_TOLERANCE_POINTS = 5;

  public static CanarySettings defaults() {
    throw new UnsupportedOperationException();
  }

  public static Duration periodOfDays(double days) {
    throw new UnsupportedOperationException();
  }

  public double canaryPeriodDays() {
    throw new UnsupportedOperationException();
  }
}
