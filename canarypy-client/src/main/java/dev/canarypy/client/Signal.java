package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One execution's outcome as the server stored it.
 *
 * @param id the signal's UUID
 * @param releaseId the UUID of the release the execution ran
 * @param semverVersion the version the execution ran
 * @param status {@code success} or {@code failed}, normalised by the server
 * @param isCanary whether the release was the in-flight canary when the signal arrived
 * @param band the canary's band when the signal arrived, or null outside a canary
 * @param instanceId the id of the instance that ran
 * @param description the execution's own description of the outcome
 * @param createdAt when the server received the signal
 */
public record Signal(
    String id,
    String releaseId,
    String semverVersion,
    String status,
    @JsonProperty("is_canary") boolean isCanary,
    Integer band,
    String instanceId,
    String description,
    Instant createdAt) {}
