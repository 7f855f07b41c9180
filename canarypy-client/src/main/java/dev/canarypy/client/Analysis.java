package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's health analysis of a canary against the stable release over the same window.
 *
 * @param verdict pass, fail or inconclusive
 * @param canary the canary's signal counts since it started
 * @param stable the stable release's signal counts over the same window
 * @param missingSignals how many more canary signals the server needs to reach {@code min_signals},
 *     0 when none are missing
 * @param reason the server's explanation of the verdict, with the numbers
 * @param canarySuccessRate the canary's observed success rate from 0 to 1, or null without canary
 *     signals
 * @param canaryFailureRate the canary's observed failure rate from 0 to 1, or null without canary
 *     signals
 * @param stableFailureRate the stable's observed failure rate from 0 to 1, or null without stable
 *     signals
 * @param canarySuccessRateUpperBound the upper confidence bound on the canary's success rate; the
 *     canary fails when it is below the threshold. Null without canary signals
 * @param failureRateDifferenceLowerBound the lower confidence bound on the canary's failure rate
 *     minus the stable's; the canary fails when it is above the tolerance. Null unless both
 *     releases have signals
 * @param confidenceLevel the confidence with which a fail verdict holds, such as 0.99, or null
 * @param otherFields every field that this client version does not model, by its wire name
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
    Double confidenceLevel,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /** Copies the other fields, keeping their order and null values, into an unmodifiable map. */
  public Analysis {
    otherFields =
        otherFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
  }
}
