package dev.canarypy.server.release;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.analysis.HealthAnalyzer;
import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.lifecycle.CanaryState;
import dev.canarypy.core.lifecycle.Decision;
import dev.canarypy.core.lifecycle.DecisionType;
import dev.canarypy.core.lifecycle.LifecycleEngine;
import dev.canarypy.core.release.ReleaseStatus;
import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the automatic release decisions and writes every state change with its event.
 *
 * <p>Each change runs in a transaction that first locks the product's row, then reads the release
 * again and acts only if its status still allows it. So with several replicas on one database a
 * decision is made exactly once: the second replica finds the release already decided.
 */
@Service
public class ReleaseLifecycle {

  /** The actor recorded for decisions the server makes on its own. */
  public static final String AUTO = "auto";

  private static final Logger log = LoggerFactory.getLogger(ReleaseLifecycle.class);

  private final ProductRepository products;
  private final ReleaseRepository releases;
  private final ReleaseEventRepository events;
  private final ReleaseCache cache;
  private final LifecycleEngine engine;
  private final HealthAnalyzer analyzer;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MeterRegistry meters;

  public ReleaseLifecycle(
      ProductRepository products,
      ReleaseRepository releases,
      ReleaseEventRepository events,
      ReleaseCache cache,
      LifecycleEngine engine,
      HealthAnalyzer analyzer,
      TransactionTemplate transaction,
      Clock clock,
      MeterRegistry meters) {
    this.products = products;
    this.releases = releases;
    this.events = events;
    this.cache = cache;
    this.engine = engine;
    this.analyzer = analyzer;
    this.transaction = transaction;
    this.clock = clock;
    this.meters = meters;
  }

  /** Returns the inputs of the canary analysis: the release's counts and the stable's window. */
  public CanaryState stateOf(Release release) {
    return new CanaryState(
        release.id(),
        release.status(),
        release.releaseDate(),
        release.settings(),
        release.counts(),
        stableWindow(release));
  }

  /** Analyses a release that ran as a canary; returns null for one that never did. */
  public Analysis analyze(Release release) {
    if (release.baselineReleaseId() == null) {
      return null;
    }
    return analyzer.analyze(release.counts(), stableWindow(release), release.settings());
  }

  private SignalCounts stableWindow(Release release) {
    if (release.baselineReleaseId() == null) {
      return SignalCounts.NONE;
    }
    SignalCounts now = releases.counts(release.baselineReleaseId());
    SignalCounts start =
        release.baselineAtStart() == null ? SignalCounts.NONE : release.baselineAtStart();
    return new SignalCounts(
        Math.max(0, now.successes() - start.successes()),
        Math.max(0, now.failures() - start.failures()));
  }

  /**
   * Evaluates a running canary and carries out the automatic decision, if any.
   *
   * @return the decision carried out, or empty when there was none or another replica made it
   */
  public Optional<Decision> evaluate(UUID releaseId) {
    Optional<Release> found = releases.findById(releaseId);
    if (found.isEmpty() || found.get().status() != ReleaseStatus.CANARY) {
      return Optional.empty();
    }
    // Most evaluations decide nothing, so check before taking the product lock.
    if (engine.evaluate(stateOf(found.get())).type() == DecisionType.NONE) {
      return Optional.empty();
    }
    UUID productId = found.get().productId();
    Decision decision =
        transaction.execute(
            status -> {
              products.lock(productId);
              Release current = releases.findById(releaseId).orElseThrow();
              if (current.status() != ReleaseStatus.CANARY) {
                return null;
              }
              Decision again = engine.evaluate(stateOf(current));
              if (again.type() == DecisionType.NONE) {
                return null;
              }
              apply(current, again.type(), again.analysis(), AUTO, again.reason());
              return again;
            });
    cache.invalidate(productId);
    return Optional.ofNullable(decision);
  }

  /**
   * Settles the product's canary in flight before a new release starts: promoted if its analysis
   * passes now, otherwise superseded. Call it inside a transaction holding the product lock.
   */
  void settleBeforeNewRelease(Release canary, String newVersion) {
    Decision decision = engine.settleForNewRelease(stateOf(canary));
    apply(
        canary,
        decision.type(),
        decision.analysis(),
        AUTO,
        "Release "
            + newVersion
            + " was created while this canary was in flight. "
            + decision.reason());
  }

  /**
   * Carries out one decision on a release. Call it inside a transaction holding the product lock.
   */
  void apply(Release release, DecisionType type, Analysis analysis, String actor, String reason) {
    Instant now = clock.instant();
    switch (type) {
      case PROMOTE -> {
        releases
            .findStable(release.productId())
            .ifPresent(
                stable -> {
                  releases.updateStatus(
                      stable.id(), ReleaseStatus.STABLE, ReleaseStatus.INACTIVE, now);
                  record(
                      stable,
                      "replaced",
                      ReleaseStatus.INACTIVE,
                      actor,
                      "Replaced by " + release.semverVersion() + ".",
                      null);
                });
        releases.updateStatus(release.id(), release.status(), ReleaseStatus.STABLE, now);
        record(release, "promoted", ReleaseStatus.STABLE, actor, reason, analysis);
      }
      case ROLL_BACK -> {
        releases.updateStatus(release.id(), release.status(), ReleaseStatus.ROLLED_BACK, now);
        record(release, "rolled_back", ReleaseStatus.ROLLED_BACK, actor, reason, analysis);
      }
      case SUPERSEDE -> {
        releases.updateStatus(release.id(), release.status(), ReleaseStatus.SUPERSEDED, now);
        record(release, "superseded", ReleaseStatus.SUPERSEDED, actor, reason, analysis);
      }
      case PAUSE -> {
        pause(release, actor, reason, analysis);
      }
      case NONE -> {
        return;
      }
    }
    meters.counter("canarypy.release.decisions", "decision", type.name().toLowerCase()).increment();
    logDecision(release, type, analysis, actor, reason);
  }

  void pause(Release canary, String actor, String reason, Analysis analysis) {
    Instant now = clock.instant();
    releases.pause(canary.id(), canary.bandAt(now).number(), canary.shareAt(now));
    record(canary, "paused", ReleaseStatus.PAUSED, actor, reason, analysis);
  }

  void recordCreated(Release release, String reason) {
    insertEvent(release.id(), "created", null, release.status(), AUTO, reason, null);
    logEvent(release, "created", null, release.status(), AUTO, reason);
  }

  /**
   * Records and logs a manual status change that is not a decision of {@link #apply}, such as a
   * resume or the rollback of a stable release.
   */
  void recordManual(
      Release release,
      String type,
      ReleaseStatus to,
      String actor,
      String reason,
      Analysis analysis) {
    record(release, type, to, actor, reason, analysis);
    logEvent(release, type, release.status(), to, actor, reason);
  }

  void record(
      Release release,
      String type,
      ReleaseStatus to,
      String actor,
      String reason,
      Analysis analysis) {
    insertEvent(release.id(), type, release.status(), to, actor, reason, analysis);
  }

  private void insertEvent(
      UUID releaseId,
      String type,
      ReleaseStatus from,
      ReleaseStatus to,
      String actor,
      String reason,
      Analysis analysis) {
    events.insert(
        new ReleaseEvent(
            null,
            releaseId,
            type,
            from == null ? null : from.wireName(),
            to.wireName(),
            actor,
            reason,
            analysis == null ? null : analysis.verdict().wireName(),
            analysis == null ? null : analysis.canary(),
            analysis == null ? null : analysis.stable(),
            clock.instant()));
  }

  private void logEvent(
      Release release,
      String type,
      ReleaseStatus from,
      ReleaseStatus to,
      String actor,
      String reason) {
    log.info(
        "Release event {}: product={} version={} status={}->{} actor={} reason={}",
        type,
        productName(release),
        release.semverVersion(),
        from == null ? "none" : from.wireName(),
        to.wireName(),
        actor,
        reason);
  }

  private String productName(Release release) {
    return products
        .findById(release.productId())
        .map(Product::name)
        .orElse(release.productId().toString());
  }

  private void logDecision(
      Release release, DecisionType type, Analysis analysis, String actor, String reason) {
    String product = productName(release);
    if (analysis == null) {
      log.info(
          "Release decision {}: product={} version={} actor={} reason={}",
          type,
          product,
          release.semverVersion(),
          actor,
          reason);
      return;
    }
    log.info(
        "Release decision {}: product={} version={} verdict={} canary={} successes/{} failures"
            + " stable={} successes/{} failures actor={} reason={}",
        type,
        product,
        release.semverVersion(),
        analysis.verdict().wireName(),
        analysis.canary().successes(),
        analysis.canary().failures(),
        analysis.stable().successes(),
        analysis.stable().failures(),
        actor,
        reason);
  }
}
