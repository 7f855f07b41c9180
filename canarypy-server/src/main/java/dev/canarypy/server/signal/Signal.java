package dev.canarypy.server.signal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored signal.
 *
 * @param isCanary whether the release was the product's canary in flight when the signal arrived
 * @param band the canary's band when the signal arrived, or null when no canary was in flight
 */
public record Signal(
    UUID id,
    UUID releaseId,
    String semverVersion,
    String instanceId,
    String description,
    String status,
    @JsonProperty("is_canary") boolean isCanary,
    Integer band,
    Instant createdAt) {}
