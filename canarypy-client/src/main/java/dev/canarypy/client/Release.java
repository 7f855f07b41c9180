package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One version of a product with its lifecycle status, canary settings, current band, signal counts
 * and analysis.
 *
 * @param id the server-assigned UUID
 * @param semverVersion the version tag, unique per product
 * @param product the product the release belongs to
 * @param status the lifecycle status
 * @param isCanary whether the release is under canary, as in the original wire format
 * @param isActive whether the server still serves the release, as in the original wire format
 * @param releaseDate the start of the canary period
 * @param canaryPeriod the length of the canary period in days
 * @param bandCount the number of bands the canary period is split into
 * @param threshold the minimum canary success rate in percent
 * @param minSignals the canary signals needed before an automatic promotion
 * @param tolerance the percentage points by which the canary's failure rate may exceed the stable's
 * @param createdAt when the server recorded the release
 * @param decidedAt when the canary was promoted, rolled back or superseded, or null
 * @param band the canary's current band, or null when the release is not under canary
 * @param signals the release's signal counts
 * @param analysis the canary's health analysis, or null when there is none
 */
public record Release(
    String id,
    String semverVersion,
    Product product,
    ReleaseStatus status,
    @JsonProperty("is_canary") boolean isCanary,
    @JsonProperty("is_active") boolean isActive,
    Instant releaseDate,
    double canaryPeriod,
    int bandCount,
    double threshold,
    int minSignals,
    double tolerance,
    Instant createdAt,
    Instant decidedAt,
    Band band,
    SignalCounts signals,
    Analysis analysis) {}
