package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.release.BandSchedule;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Facts about one release that the lifecycle engine decides on.
 *
 * @param releaseId id of the release
 * @param status current status of the release
 * @param releaseDate start of the canary period
 * @param settings the release's canary settings
 * @param canary the release's signal counts since its release date
 * @param stable the stable release's signal counts over the same window
 */
public record CanaryState(
    UUID releaseId,
    ReleaseStatus status,
    Instant releaseDate,
    CanarySettings settings,
    SignalCounts canary,
    SignalCounts stable) {

  /** Rejects missing fields, naming the one that is missing. */
  public CanaryState {
    Objects.requireNonNull(releaseId, "releaseId is required");
    Objects.requireNonNull(status, "status is required");
    Objects.requireNonNull(releaseDate, "releaseDate is required");
    Objects.requireNonNull(settings, "settings are required");
    Objects.requireNonNull(canary, "canary counts are required");
    Objects.requireNonNull(stable, "stable counts are required");
  }

  /** Returns the band schedule that starts at the release date. */
  public BandSchedule schedule() {
    return BandSchedule.of(releaseDate, settings);
  }
}
