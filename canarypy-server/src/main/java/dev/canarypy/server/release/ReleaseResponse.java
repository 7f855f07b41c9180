package dev.canarypy.server.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.server.product.Product;
import java.time.Instant;
import java.util.UUID;

/**
 * A release as the API returns it: the original's {@code id}, {@code semver_version} and {@code
 * product}, then the status, settings, current band and health analysis.
 *
 * @param canaryPeriod the canary period in days
 * @param band the current band of a canary in flight, otherwise null
 * @param signals the release's own signal counts
 * @param analysis the health analysis of a release that ran as a canary, otherwise null
 */
public record ReleaseResponse(
    UUID id,
    String semverVersion,
    Product product,
    String status,
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
    BandResponse band,
    SignalCounts signals,
    Analysis analysis) {}
