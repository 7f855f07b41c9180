package dev.canarypy.core.analysis;

/**
 * Result of a canary's health analysis, with the numbers behind the verdict.
 *
 * <p>Rates and bounds are fractions between 0 and 1 (a difference of rates lies between −1 and 1).
 * A rate or bound is null when the signals it needs have not arrived, and never NaN or infinite.
 * Each of the two bounds has confidence {@code 1 − (1 − confidenceLevel) / 2}, so that both are
 * right together, at every moment the analysis is run, with probability at least {@code
 * confidenceLevel}.
 *
 * @param verdict pass, fail or inconclusive
 * @param canary the canary's counts since it started
 * @param stable the stable release's counts over the same window
 * @param missingSignals canary signals still needed to reach {@code min_signals}, 0 when none are
 *     missing; a pass may also need a higher success rate
 * @param reason one sentence, with the numbers, saying why the verdict is what it is
 * @param canarySuccessRate observed success rate of the canary; null without canary signals
 * @param canaryFailureRate observed failure rate of the canary; null without canary signals
 * @param stableFailureRate observed failure rate of the stable; null without stable signals
 * @param canarySuccessRateUpperBound upper confidence bound on the canary's success rate; the
 *     verdict fails when it is below the threshold (and the canary has at least 3 failures); null
 *     without canary signals
 * @param failureRateDifferenceLowerBound lower confidence bound on the canary's failure rate minus
 *     the stable's; the verdict fails when it is above the tolerance (and the canary has at least 3
 *     failures); null unless both releases have signals
 * @param confidenceLevel confidence with which a fail verdict is shown, such as 0.99
 */
public record Analysis(
    Verdict verdict,
    SignalCounts canary,
    SignalCounts stable,
    long missingSignals,
    String reason,
    Double canarySuccessRate,
    Double canaryFailureRate,
    Double stableFailureRate,
    Double canarySuccessRateUpperBound,
    Double failureRateDifferenceLowerBound,
    double confidenceLevel) {}
