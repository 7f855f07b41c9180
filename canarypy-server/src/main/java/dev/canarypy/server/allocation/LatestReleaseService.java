package dev.canarypy.server.allocation;

import dev.canarypy.core.allocation.ProportionalAllocator;
import dev.canarypy.core.allocation.StickyAllocator;
import dev.canarypy.core.release.Band;
import dev.canarypy.server.release.LatestReleaseResponse;
import dev.canarypy.server.release.ProductReleases;
import dev.canarypy.server.release.Release;
import dev.canarypy.server.release.ReleaseCache;
import dev.canarypy.server.system.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Chooses the version an execution runs now: the stable, or the canary for its share of the
 * executions.
 *
 * <p>With an instance id the choice is sticky (a hash bucket per release and instance); without one
 * this replica hands the canary out in proportion to the responses it gave in the current band.
 */
@Service
public class LatestReleaseService {

  private final ReleaseCache cache;
  private final Clock clock;
  private final Map<UUID, BandAllocator> allocators = new ConcurrentHashMap<>();
  private final Counter canaryAnswers;
  private final Counter stableAnswers;

  public LatestReleaseService(ReleaseCache cache, Clock clock, MeterRegistry meters) {
    this.cache = cache;
    this.clock = clock;
    this.canaryAnswers = meters.counter("canarypy.latest.answers", "release", "canary");
    this.stableAnswers = meters.counter("canarypy.latest.answers", "release", "stable");
  }

  /**
   * Returns the version to run now.
   *
   * @param productName the product's name or artifact URL
   * @param instanceId the caller's instance id for a sticky choice, or null
   */
  public LatestReleaseResponse latest(String productName, String instanceId) {
    ProductReleases releases = cache.byName(productName);
    Release stable = releases.stable();
    Release canary = releases.canary();
    if (stable == null && canary == null) {
      throw new NotFoundException(
          "Product '"
              + releases.product().name()
              + "' has no release yet; create one with POST /release.");
    }
    if (canary == null) {
      stableAnswers.increment();
      return answer(releases, stable, null, null);
    }

    Instant now = clock.instant();
    Band band = canary.bandAt(now);
    double share = canary.shareAt(now);
    boolean chooseCanary =
        stable == null
            || (instanceId == null
                ? allocatorFor(canary.id(), band.number()).nextIsCanary(share)
                : StickyAllocator.choosesCanary(canary.id(), instanceId, share));
    if (chooseCanary) {
      canaryAnswers.increment();
      return answer(releases, canary, band, share);
    }
    stableAnswers.increment();
    return answer(releases, stable, band, share);
  }

  private ProportionalAllocator allocatorFor(UUID canaryId, int band) {
    BandAllocator current = allocators.get(canaryId);
    if (current != null && current.band() == band) {
      return current.allocator();
    }
    // A new band starts a new count, so the share of each band is met on its own responses. A
    // request that read the clock just before a band began keeps the newer band's count, because
    // replacing it would restart that band's count.
    return allocators
        .compute(
            canaryId,
            (id, existing) ->
                existing != null && existing.band() >= band
                    ? existing
                    : new BandAllocator(band, new ProportionalAllocator()))
        .allocator();
  }

  /** Forgets the allocation counts of a canary that is no longer in flight. */
  public void forget(UUID canaryId) {
    allocators.remove(canaryId);
  }

  private static LatestReleaseResponse answer(
      ProductReleases releases, Release release, Band band, Double share) {
    return new LatestReleaseResponse(
        release.id(),
        release.semverVersion(),
        releases.product(),
        release.status().wireName(),
        release.inFlight(),
        band == null ? null : band.number(),
        share);
  }

  private record BandAllocator(int band, ProportionalAllocator allocator) {}
}
