package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.analysis.HealthAnalyzer;
import dev.canarypy.core.analysis.Verdict;
import dev.canarypy.core.release.Band;
import dev.canarypy.core.release.BandSchedule;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when a canary is promoted, rolled back, superseded or paused.
 *
 * <p>The engine only decides, and the caller applies the decision and records it. It reads the time
 * from the injected clock only, so tests control it fully.
 */
public final class LifecycleEngine {
  private final HealthAnalyzer analyzer;
  private final Clock clock;

  /**
   * Creates an engine.
   *
   * @param analyzer the health analysis to decide on
   * @param clock the source of the current time
   */
  public LifecycleEngine(HealthAnalyzer analyzer, Clock clock) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer is required");
    this.clock = Objects.requireNonNull(clock, "clock is required");
  }

  /**
   * Returns the automatic decision for a release at the clock's current time.
   *
   * <ul>
   *   <li>A release whose status is not {@link ReleaseStatus#CANARY}, including a paused canary,
   *       gets {@link DecisionType#NONE}.
   *   <li>A failing analysis rolls the canary back at any time, even before its period ends.
   *   <li>Once the period has ended, a passing analysis promotes the canary.
   *   <li>A canary still inconclusive one more canary period after the end is paused for a person
   *       to decide.
   *   <li>Otherwise nothing happens: a passing canary waits for the end of its period, and an
   *       inconclusive one after the end stays at the final band.
   * </ul>
   */
  public Decision evaluate(CanaryState state) {
    Objects.requireNonNull(state, "state is required");
    Instant now = clock.instant();
    BandSchedule schedule = state.schedule();
    Band band = schedule.bandAt(now);
    Analysis analysis = analyzer.analyze(state.canary(), state.stable(), state.settings());

    if (state.status() != ReleaseStatus.CANARY) {
      return decide(DecisionType.NONE, analysis, band, DecisionReasons.notCanary(state.status()));
    }
    if (analysis.verdict() == Verdict.FAIL) {
      return decide(DecisionType.ROLL_BACK, analysis, band, analysis.reason());
    }

    Instant periodEnd = schedule.end();
    if (now.isBefore(periodEnd)) {
      return decide(
          DecisionType.NONE, analysis, band, DecisionReasons.waiting(analysis, band, periodEnd));
    }
    if (analysis.verdict() == Verdict.PASS) {
      return decide(
          DecisionType.PROMOTE,
          analysis,
          band,
          DecisionReasons.promoted(analysis, state.settings(), periodEnd));
    }

    Instant pauseAt = periodEnd.plus(state.settings().canaryPeriod());
    if (now.isBefore(pauseAt)) {
      return decide(
          DecisionType.NONE,
          analysis,
          band,
          DecisionReasons.inconclusiveAfterPeriod(analysis, periodEnd, pauseAt));
    }
    return decide(
        DecisionType.PAUSE,
        analysis,
        band,
        DecisionReasons.paused(analysis, state.settings(), periodEnd));
  }

  /**
   * Settles a canary because a new release of the same product arrives: the canary is promoted if
   * its analysis passes now, whatever the time, and superseded otherwise.
   *
   * <p>Only a release in flight, with status {@link ReleaseStatus#CANARY} or {@link
   * ReleaseStatus#PAUSED}, is settled; any other release gets {@link DecisionType#NONE}.
   */
  public Decision settleForNewRelease(CanaryState state) {
    Objects.requireNonNull(state, "state is required");
    Band band = state.schedule().bandAt(clock.instant());
    Analysis analysis = analyzer.analyze(state.canary(), state.stable(), state.settings());

    if (state.status() != ReleaseStatus.CANARY && state.status() != ReleaseStatus.PAUSED) {
      return decide(DecisionType.NONE, analysis, band, DecisionReasons.notInFlight(state.status()));
    }
    if (analysis.verdict() == Verdict.PASS) {
      return decide(
          DecisionType.PROMOTE, analysis, band, DecisionReasons.promotedForNewRelease(analysis));
    }
    return decide(DecisionType.SUPERSEDE, analysis, band, DecisionReasons.superseded(analysis));
  }

  /**
   * Returns the status a new release starts in.
   *
   * @param productHasStable whether the product already has a stable release
   * @param isCanary whether the release was created as a canary ({@code is_canary})
   * @return {@link ReleaseStatus#STABLE} for a product's first release, because there is nothing to
   *     compare a canary with, and for a full rollout ({@code isCanary} false); {@link
   *     ReleaseStatus#CANARY} otherwise
   */
  public static ReleaseStatus initialStatus(boolean productHasStable, boolean isCanary) {
    if (!productHasStable || !isCanary) {
      return ReleaseStatus.STABLE;
    }
    return ReleaseStatus.CANARY;
  }

  private static Decision decide(DecisionType type, Analysis analysis, Band band, String reason) {
    return new Decision(type, analysis, band, reason);
  }
}
