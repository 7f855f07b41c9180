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
 * @param missingSignals how many more canary signals the server needs before it may promote, or
 *     null if the server did not send it
 * @param reason the server's explanation of the verdict
 * @param metrics every other field of the analysis, by its wire name: rates, confidence bounds and
 *     whatever a newer server adds, such as {@code canary_success_rate}
 */
public record Analysis(
    Verdict verdict,
    SignalCounts canary,
    SignalCounts stable,
    Integer missingSignals,
    String reason,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> metrics) {

  /** Copies the metrics, keeping their order and null values, into an unmodifiable map. */
  public Analysis {
    metrics =
        metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
