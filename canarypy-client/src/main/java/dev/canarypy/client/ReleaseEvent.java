package dev.canarypy.client;

import java.time.Instant;

/**
 * One state change of a release in its audit trail.
 *
 * @param id the event's id, a number on the current server, kept as text
 * @param releaseId the UUID of the release that changed
 * @param type what happened: {@code created}, {@code promoted}, {@code rolled_back}, {@code
 *     superseded}, {@code paused}, {@code resumed} or {@code replaced}
 * @param actor {@code auto} for the server's own decisions, otherwise who requested the change
 * @param reason why the change happened, or null
 * @param fromStatus the status before the change, or null for the creation
 * @param toStatus the status after the change
 * @param verdict the analysis verdict when the change happened, or null
 * @param canary the canary's counts when the change happened, or null
 * @param stable the stable's counts over the canary window when the change happened, or null
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
    Verdict verdict,
    SignalCounts canary,
    SignalCounts stable,
    Instant createdAt) {}
