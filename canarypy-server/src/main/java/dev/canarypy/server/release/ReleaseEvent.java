package dev.canarypy.server.release;

import dev.canarypy.core.analysis.SignalCounts;
import java.time.Instant;
import java.util.UUID;

/**
 * One state change of a release, kept for the audit trail.
 *
 * @param type created, promoted, rolled_back, superseded, paused, resumed or replaced
 * @param actor {@code auto} for the evaluator, otherwise who requested the change
 * @param verdict the analysis verdict when the change was made, or null
 * @param canary the canary's counts when the change was made, or null
 * @param stable the stable's counts over the canary window when the change was made, or null
 */
public record ReleaseEvent(
    Long id,
    UUID releaseId,
    String type,
    String fromStatus,
    String toStatus,
    String actor,
    String reason,
    String verdict,
    SignalCounts canary,
    SignalCounts stable,
    Instant createdAt) {}
