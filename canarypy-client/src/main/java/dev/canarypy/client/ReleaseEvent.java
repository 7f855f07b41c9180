package dev.canarypy.client;

import java.time.Instant;

/**
 * One state change of a release in its audit trail.
 *
 * @param id the event's UUID
 * @param releaseId the UUID of the release that changed
 * @param type what happened, such as {@code created}, {@code promoted} or {@code rolled_back}
 * @param actor {@code auto} for the server's own decisions, otherwise who requested the change
 * @param reason why the change happened, or null
 * @param fromStatus the status before the change, or null for the creation
 * @param toStatus the status after the change
 * @param createdAt when the change happened
 */
public record ReleaseEvent(
    String id,
    String releaseId,
    String type,
    String actor,
    String reason,
    ReleaseStatus fromStatus,
    ReleaseStatus toStatus,
    Instant createdAt) {}
