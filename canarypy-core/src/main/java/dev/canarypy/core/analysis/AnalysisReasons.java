package dev.canarypy.core.analysis;

import dev.canarypy.core.release.CanarySettings;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Writes the one-sentence reason of an analysis, with the numbers a release manager acts on.
 *
 * <p>The server analyses after every signal, so the sentences are joined with plain string
 * concatenation: {@code String.format} would cost more than the statistics.
 */
final class AnalysisReasons {
  private final SignalCounts canary;
  private final SignalCounts stable;
  private final CanarySettings settings;
  private final double confidenceLevel;
  private final Double successUpperBound;
  private final Double differenceLowerBound;

  AnalysisReasons(
      SignalCounts canary,
      SignalCounts stable,
      CanarySettings settings,
      double confidenceLevel,
      Double successUpperBound,
      Double differenceLowerBound) {
    this.canary = canary;
    this.stable = stable;
    this.settings = settings;
    this.confidenceLevel = confidenceLevel;
    this.successUpperBound = successUpperBound;
    this.differenceLowerBound = differenceLowerBound;
  }

  /** Explains a fail verdict by the threshold test if it rejected, else by the tolerance test. */
  String fail(boolean belowThreshold) {
    if (belowThreshold) {
      return "The canary fails because with "
          + confidence()
          + " confidence its success rate is at most "
          + percent(successUpperBound, 2)
          + ", below the "
          + threshold()
          + " threshold ("
          + canary.successes()
          + " of "
          + canary.total()
          + " runs succeeded).";
    }
    return "The canary fails because with "
        + confidence()
        + " confidence its failure rate exceeds the stable's by at least "
        + points(differenceLowerBound)
        + " points, more than the tolerance of "
        + number(settings.tolerancePoints())
        + " points, with "
        + failedRuns("canary", canary)
        + " against "
        + failedRuns("stable", stable)
        + ".";
  }

  String pass() {
    String comparison;
    if (stable.isEmpty()) {
      comparison = "the stable release has sent no signals in this window to compare it with";
    } else {
      comparison =
          "its failure rate of "
              + percent(canary.failureRate(), 1)
              + " is not shown to exceed the stable's "
              + percent(stable.failureRate(), 1)
              + " by more than "
              + number(settings.tolerancePoints())
              + " points";
    }
    return "The canary passes because "
        + canary.successes()
        + " of "
        + canary.total()
        + " runs succeeded ("
        + percent(canary.successRate(), 1)
        + "), at least the "
        + threshold()
        + " threshold, and "
        + comparison
        + ".";
  }

  /**
   * Explains an inconclusive verdict: too few failures to fail, too few signals to pass, or a
   * success rate below the threshold that is not yet shown to be.
   */
  String inconclusive(boolean evidenceRejects) {
    if (evidenceRejects) {
      return "The analysis is inconclusive because the canary has "
          + canary.failures()
          + (canary.failures() == 1 ? " failure" : " failures")
          + " in "
          + canary.total()
          + (canary.total() == 1 ? " run" : " runs")
          + ", and at least "
          + HealthAnalyzer.MIN_FAILURES_TO_FAIL
          + " failures are needed before it can fail.";
    }
    if (canary.total() < settings.minSignals()) {
      return "The analysis is inconclusive because the canary has sent "
          + canary.total()
          + " of the "
          + settings.minSignals()
          + " signals needed before it can pass ("
          + canary.successes()
          + " succeeded, "
          + canary.failures()
          + " failed).";
    }
    return "The analysis is inconclusive because "
        + canary.successes()
        + " of "
        + canary.total()
        + " canary runs succeeded ("
        + percent(canary.successRate(), 1)
        + "), below the "
        + threshold()
        + " threshold, but with "
        + confidence()
        + " confidence the success rate may still be as high as "
        + percent(successUpperBound, 2)
        + ".";
  }

  private static String failedRuns(String release, SignalCounts counts) {
    return counts.failures()
        + " of "
        + counts.total()
        + " "
        + release
        + " runs failed ("
        + percent(counts.failureRate(), 1)
        + ")";
  }

  private String confidence() {
    return number(confidenceLevel * 100) + "%";
  }

  private String threshold() {
    return number(settings.thresholdPercent()) + "%";
  }

  /** Formats a rate between 0 and 1 as a percentage, such as 96.5%, with at most the decimals. */
  private static String percent(double rate, int decimals) {
    return round(rate * 100, decimals) + "%";
  }

  /** Formats a difference of rates as percentage points with at most two decimals. */
  private static String points(double difference) {
    return round(difference * 100, 2);
  }

  private static String round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    // Adding 0.0 turns a rounded -0.0 into 0.0.
    double rounded = Math.round(value * scale) / scale + 0.0;
    if (rounded == Math.rint(rounded)) {
      return Long.toString((long) rounded);
    }
    // A nonzero multiple of 0.01 is at least 0.01 in size, so Double.toString prints it without
    // an exponent and with no more decimals than it has.
    return Double.toString(rounded);
  }

  /**
   * Formats a number without a trailing ".0", so 80.0 reads as 80. Rounding to 12 significant
   * digits first hides binary noise such as 0.99 · 100 = 98.99999999999999.
   */
  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }
}
