package dev.canarypy.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The mutable state of one release inside {@link FakeCanaryPyClient}. */
final class FakeRelease {
  final String id = UUID.randomUUID().toString();
  final Product product;
  final ReleaseRequest request;
  final String semverVersion;
  final Instant createdAt;
  final List<ReleaseEvent> events = new ArrayList<>();
  ReleaseStatus status;
  Instant decidedAt;
  long successes;
  long failures;

  FakeRelease(Product product, ReleaseRequest request, Instant createdAt) {
    this.product = product;
    this.request = request;
    this.semverVersion = request.semverVersion();
    this.createdAt = createdAt;
  }

  void changeStatus(String type, ReleaseStatus newStatus, String reason, Instant now) {
    ReleaseStatus oldStatus = status;
    status = newStatus;
    if (newStatus != ReleaseStatus.PAUSED && newStatus != ReleaseStatus.CANARY) {
      decidedAt = now;
    }
    addEvent(type, oldStatus, newStatus, reason, now);
  }

  void addEvent(String type, ReleaseStatus from, ReleaseStatus to, String reason, Instant now) {
    events.add(
        new ReleaseEvent(
            String.valueOf(events.size() + 1),
            id,
            type,
            "fake",
            reason,
            from,
            to,
            null,
            null,
            null,
            now));
  }

  Release toRelease() {
    boolean canary = status == ReleaseStatus.CANARY || status == ReleaseStatus.PAUSED;
    boolean active =
        status == ReleaseStatus.CANARY
            || status == ReleaseStatus.PAUSED
            || status == ReleaseStatus.STABLE;
    return new Release(
        id,
        semverVersion,
        product,
        status,
        canary,
        active,
        request.releaseDate() != null ? request.releaseDate() : createdAt,
        request.canaryPeriod() != null ? request.canaryPeriod() : 2.0,
        request.bandCount() != null ? request.bandCount() : 5,
        request.threshold() != null ? request.threshold() : 80.0,
        request.minSignals() != null ? request.minSignals() : 10,
        request.tolerance() != null ? request.tolerance() : 5.0,
        createdAt,
        decidedAt,
        null,
        new SignalCounts(successes, failures),
        null);
  }
}
