package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Instant;
import java.util.UUID;

/** STUB: contract for the server. */
public record CanaryState(
    UUID releaseId,
    ReleaseStatus status,
    Instant releaseDate,
    CanarySettings settings,
    SignalCounts canary,
    SignalCounts stable) {}
