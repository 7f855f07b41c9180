package dev.canarypy.server.release;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.release.Band;
import dev.canarypy.core.release.BandPhase;
import dev.canarypy.core.release.BandSchedule;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored release of a product.
 *
 * @param counts the release's own signal counters
 * @param baselineReleaseId the stable release a canary is compared against, or null
 * @param baselineAtStart the baseline's counters when the canary started, or null
 * @param pausedBand the band a paused canary stays in, or null
 * @param pausedShare the canary share a paused canary keeps, or null
 */
public record Release(
    UUID id,
    UUID productId,
    String semverVersion,
    ReleaseStatus status,
    Instant releaseDate,
    CanarySettings settings,
    SignalCounts counts,
    UUID baselineReleaseId,
    SignalCounts baselineAtStart,
    Integer pausedBand,
    Double pausedShare,
    Instant createdAt,
    Instant decidedAt) {

  /** Returns whether this release is the product's canary in flight, running or paused. */
  public boolean inFlight() {
    return status == ReleaseStatus.CANARY || status == ReleaseStatus.PAUSED;
  }

  public BandSchedule schedule() {
    return new BandSchedule(releaseDate, settings.canaryPeriod(), settings.bandCount());
  }

  /**
   * Returns the band at {@code now}. A paused canary stays in the band and share it was paused in.
   */
  public Band bandAt(Instant now) {
    Band band = schedule().bandAt(now);
    if (status == ReleaseStatus.PAUSED && pausedBand != null && pausedShare != null) {
      return new Band(
          pausedBand, band.bandCount(), pausedShare, band.start(), band.end(), band.phase());
    }
    return band;
  }

  /** Returns the share of executions the canary gets at {@code now}, or zero when not in flight. */
  public double shareAt(Instant now) {
    if (!inFlight()) {
      return 0;
    }
    Band band = bandAt(now);
    return band.phase() == BandPhase.NOT_STARTED && status != ReleaseStatus.PAUSED
        ? 0
        : band.targetShare();
  }
}
