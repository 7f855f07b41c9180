package dev.canarypy.core.release;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Canary settings of one release, validated on construction.
 *
 * <p>Error messages name each field by its snake_case wire name ({@code canary_period}, {@code
 * band_count}, {@code threshold}, {@code min_signals}, {@code tolerance}), so the server can pass
 * them to API clients unchanged.
 *
 * @param canaryPeriod time from the release date to the end of the last band, more than 0 and at
 *     most {@value #MAX_CANARY_PERIOD_DAYS} days
 * @param bandCount number of bands the canary share grows through, at least 1
 * @param thresholdPercent minimum success rate of the canary in percent, 0 to 100
 * @param minSignals canary signals needed before the analysis can pass, at least 1
 * @param tolerancePoints percentage points by which the canary's failure rate may exceed the
 *     stable's, 0 to 100
 */
public record CanarySettings(
    Duration canaryPeriod,
    int bandCount,
    double thresholdPercent,
    int minSignals,
    double tolerancePoints) {

  /** Default canary period in days. */
  public static final double DEFAULT_CANARY_PERIOD_DAYS = 2;

  /** Default number of bands. */
  public static final int DEFAULT_BAND_COUNT = 5;

  /** Default minimum success rate of the canary, in percent. */
  public static final double DEFAULT_THRESHOLD_PERCENT = 80;

  /** Default number of canary signals needed before the analysis can pass. */
  public static final int DEFAULT_MIN_SIGNALS = 10;

  /** Default tolerance, in percentage points of failure rate above the stable's. */
  public static final double DEFAULT_TOLERANCE_POINTS = 5;

  /**
   * Longest accepted canary period in days. Ten years is far beyond any real canary and keeps every
   * band boundary within a {@code long} count of nanoseconds.
   */
  public static final int MAX_CANARY_PERIOD_DAYS = 3650;

  private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();
  private static final Duration MAX_CANARY_PERIOD = Duration.ofDays(MAX_CANARY_PERIOD_DAYS);

  /**
   * Validates every field.
   *
   * @throws NullPointerException if {@code canaryPeriod} is null
   * @throws IllegalArgumentException if a value is out of range, naming the field, the value and
   *     the allowed range
   */
  public CanarySettings {
    Objects.requireNonNull(canaryPeriod, "canary_period is required");
    if (canaryPeriod.isNegative()
        || canaryPeriod.isZero()
        || canaryPeriod.compareTo(MAX_CANARY_PERIOD) > 0) {
      throw new IllegalArgumentException(
          "canary_period must be more than 0 and at most "
              + MAX_CANARY_PERIOD_DAYS
              + " days, got "
              + formatNumber(daysOf(canaryPeriod))
              + " days");
    }
    if (bandCount < 1) {
      throw new IllegalArgumentException("band_count must be at least 1, got " + bandCount);
    }
    requirePercent("threshold", thresholdPercent, "percent");
    if (minSignals < 1) {
      throw new IllegalArgumentException("min_signals must be at least 1, got " + minSignals);
    }
    requirePercent("tolerance", tolerancePoints, "percentage points");
  }

  /** Returns the default settings: 2 days, 5 bands, threshold 80 %, 10 signals, tolerance 5. */
  public static CanarySettings defaults() {
    return new CanarySettings(
        periodOfDays(DEFAULT_CANARY_PERIOD_DAYS),
        DEFAULT_BAND_COUNT,
        DEFAULT_THRESHOLD_PERCENT,
        DEFAULT_MIN_SIGNALS,
        DEFAULT_TOLERANCE_POINTS);
  }

  /**
   * Converts a canary period in days, as the wire format carries it, to a duration rounded to the
   * nearest nanosecond.
   *
   * @param days the period in days, where fractions are allowed: 0.5 is twelve hours
   * @throws IllegalArgumentException if {@code days} is not a finite number more than 0 and at most
   *     {@value #MAX_CANARY_PERIOD_DAYS}
   */
  public static Duration periodOfDays(double days) {
    if (!Double.isFinite(days) || days <= 0 || days > MAX_CANARY_PERIOD_DAYS) {
      throw new IllegalArgumentException(
          "canary_period must be a number of days more than 0 and at most "
              + MAX_CANARY_PERIOD_DAYS
              + ", got "
              + formatNumber(days));
    }
    long nanos = Math.round(days * NANOS_PER_DAY);
    if (nanos == 0) {
      throw new IllegalArgumentException(
          "canary_period must be at least one nanosecond, got " + formatNumber(days) + " days");
    }
    return Duration.ofNanos(nanos);
  }

  /** Returns the canary period in days, with the fraction of a day. */
  public double canaryPeriodDays() {
    return daysOf(canaryPeriod);
  }

  /** Returns the threshold as a success rate between 0 and 1. */
  public double thresholdRate() {
    return thresholdPercent / 100;
  }

  /** Returns the tolerance as a difference of failure rates between 0 and 1. */
  public double toleranceRate() {
    return tolerancePoints / 100;
  }

  private static double daysOf(Duration period) {
    // Periods beyond the long range of nanoseconds only reach this method to be reported as
    // invalid.
    return period.getSeconds() / 86_400.0 + period.getNano() / (double) NANOS_PER_DAY;
  }

  private static void requirePercent(String wireName, double value, String unit) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(
          wireName + " must be between 0 and 100 " + unit + ", got " + formatNumber(value));
    }
  }

  /** Formats a number without a trailing ".0", so that 80.0 reads as 80 in messages. */
  static String formatNumber(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
