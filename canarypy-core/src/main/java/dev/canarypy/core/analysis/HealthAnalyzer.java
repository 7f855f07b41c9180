package dev.canarypy.core.analysis;

import dev.canarypy.core.release.CanarySettings;
import java.util.Objects;

/**
 * Health analysis of a canary against the stable release, from signal counts alone.
 *
 * <p>The verdict is:
 *
 * <ul>
 *   <li>{@link Verdict#FAIL} when the canary has at least {@value #MIN_FAILURES_TO_FAIL} failures
 *       and, with the configured confidence, either its success rate is below the threshold or its
 *       failure rate exceeds the stable's by more than the tolerance;
 *   <li>{@link Verdict#PASS} when it does not fail, has at least {@code min_signals} signals, and
 *       its observed success rate is at least the threshold;
 *   <li>{@link Verdict#INCONCLUSIVE} otherwise.
 * </ul>
 *
 * <h2>Method</h2>
 *
 * <p>The server re-runs the analysis after every signal, so a fixed-sample test re-read each time
 * would raise false alarms far more often than its nominal level. Each of the two questions is
 * instead answered by an e-process: a statistic that, while the canary is healthy, reaches 1/α with
 * probability at most α however often it is looked at (Ville's inequality, 1939). Each e-process is
 * a Beta mixture of Bernoulli likelihoods, the mixture martingale of Robbins (1970, "Statistical
 * methods related to the law of the iterated logarithm", Ann. Math. Statist. 41), divided by the
 * largest likelihood that the null hypothesis allows for the same counts. Dividing by that maximum
 * handles a composite null and the stable's unknown rate at once, as in the sequential
 * likelihood-ratio tests of Wasserman, Ramdas and Balakrishnan (2020, "Universal inference", PNAS
 * 117). Inverting the e-processes gives the reported confidence bounds, which are confidence
 * sequences in the sense of Howard, Ramdas, McAuliffe and Sekhon (2021, "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 49): they hold at all times at
 * once.
 *
 * <ul>
 *   <li>Threshold: against "failure rate ≤ 1 − threshold", using the canary's counts.
 *   <li>Tolerance: against "canary failure rate − stable failure rate ≤ tolerance", using both
 *       releases' counts. With no stable signals it cannot reject.
 * </ul>
 *
 * <p>Each test runs at α/2, so the two together raise a false alarm with probability at most α = 1
 * − confidence level. The e-values depend on the counts only, never on the order of the signals,
 * and cost a few logarithms plus a short Newton iteration.
 */
public final class HealthAnalyzer {
  /** Confidence level of the no-argument constructor. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.99;

  /** Canary failures needed before any fail verdict, so one early failure never rolls back. */
  public static final int MIN_FAILURES_TO_FAIL = 3;

  private final double confidenceLevel;

  /** Log of the e-value at which each of the two tests rejects: ln(2 / (1 − confidence level)). */
  private final double logLevel;

  /** Creates an analyzer with a confidence level of 99 %. */
  public HealthAnalyzer() {
    this(DEFAULT_CONFIDENCE_LEVEL);
  }

  /**
   * Creates an analyzer with the given confidence level.
   *
   * @param confidenceLevel lower bound on the probability that a healthy canary is never failed,
   *     between 0 and 1 exclusive, such as 0.99
   * @throws IllegalArgumentException if {@code confidenceLevel} is not between 0 and 1 exclusive
   */
  public HealthAnalyzer(double confidenceLevel) {
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be between 0 and 1 exclusive, such as 0.99, got "
              + confidenceLevel);
    }
    this.confidenceLevel = confidenceLevel;
    this.logLevel = Math.log(2 / (1 - confidenceLevel));
  }

  /** Returns the confidence level with which a fail verdict is shown. */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * Analyses a canary's counts against the stable's over the same window.
   *
   * <p>The result depends on the counts and settings only, so the same input always gives the same
   * analysis.
   *
   * @param canary the canary's counts since it started
   * @param stable the stable release's counts over the same window; may be {@link
   *     SignalCounts#NONE}
   * @param settings the canary's threshold, tolerance and minimum number of signals
   */
  public Analysis analyze(SignalCounts canary, SignalCounts stable, CanarySettings settings) {
    Objects.requireNonNull(canary, "canary counts are required");
    Objects.requireNonNull(stable, "stable counts are required");
    Objects.requireNonNull(settings, "settings are required");

    FailureRateEvidence rateEvidence = new FailureRateEvidence(canary);
    FailureRateDifferenceEvidence differenceEvidence =
        new FailureRateDifferenceEvidence(canary, stable);
    Evidence evidence = weigh(rateEvidence, differenceEvidence, settings);
    Verdict verdict = verdictOf(evidence, canary, settings);
    long missingSignals = Math.max(0, settings.minSignals() - canary.total());

    Double successUpperBound = null;
    if (!canary.isEmpty()) {
      successUpperBound = 1 - rateEvidence.lowerBound(logLevel);
    }
    Double differenceLowerBound = null;
    if (!canary.isEmpty() && !stable.isEmpty()) {
      differenceLowerBound = differenceEvidence.lowerBound(logLevel);
    }

    AnalysisReasons reasons =
        new AnalysisReasons(
            canary, stable, settings, confidenceLevel, successUpperBound, differenceLowerBound);
    return new Analysis(
        verdict,
        canary,
        stable,
        missingSignals,
        reasonFor(verdict, evidence, reasons),
        canary.isEmpty() ? null : canary.successRate(),
        canary.isEmpty() ? null : canary.failureRate(),
        stable.isEmpty() ? null : stable.failureRate(),
        successUpperBound,
        differenceLowerBound,
        confidenceLevel);
  }

  private static String reasonFor(Verdict verdict, Evidence evidence, AnalysisReasons reasons) {
    switch (verdict) {
      case FAIL:
        return reasons.fail(evidence.belowThreshold());
      case PASS:
        return reasons.pass();
      default:
        return reasons.inconclusive(evidence.rejects());
    }
  }

  /** Whether each test rejects its null hypothesis, before the minimum number of failures. */
  private record Evidence(boolean belowThreshold, boolean aboveTolerance) {
    boolean rejects() {
      return belowThreshold || aboveTolerance;
    }
  }

  private Evidence weigh(
      FailureRateEvidence rateEvidence,
      FailureRateDifferenceEvidence differenceEvidence,
      CanarySettings settings) {
    // Dividing percentages by 100 keeps round values exact, so a threshold of 80 tests 0.2.
    double maxFailureRate = (100 - settings.thresholdPercent()) / 100;
    double maxDifference = settings.tolerancePoints() / 100;
    boolean belowThreshold = rateEvidence.logEValue(maxFailureRate) >= logLevel;
    boolean aboveTolerance = differenceEvidence.logEValue(maxDifference) >= logLevel;
    return new Evidence(belowThreshold, aboveTolerance);
  }

  private static Verdict verdictOf(
      Evidence evidence, SignalCounts canary, CanarySettings settings) {
    if (evidence.rejects() && canary.failures() >= MIN_FAILURES_TO_FAIL) {
      return Verdict.FAIL;
    }
    if (canary.total() >= settings.minSignals() && meetsThreshold(canary, settings)) {
      return Verdict.PASS;
    }
    return Verdict.INCONCLUSIVE;
  }

  /** Returns true if the observed success rate is at least the threshold. */
  static boolean meetsThreshold(SignalCounts canary, CanarySettings settings) {
    // Comparing successes · 100 with threshold · total avoids rounding the rate itself.
    return canary.successes() * 100.0 >= settings.thresholdPercent() * canary.total();
  }
}
