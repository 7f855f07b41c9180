package dev.canarypy.server.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One row of {@code GET /metrics/releases}: a release's signals in one hour, band and canary flag.
 *
 * @param product the product's name
 * @param hour the start of the hour in UTC; the row counts signals from then until one hour later
 * @param band the canary's band when the signals arrived, 0 when no canary was in flight
 * @param isCanary whether the signals came from the canary in flight
 */
public record HourlyCount(
    String product,
    String semverVersion,
    Instant hour,
    int band,
    @JsonProperty("is_canary") boolean isCanary,
    long successes,
    long failures) {}
