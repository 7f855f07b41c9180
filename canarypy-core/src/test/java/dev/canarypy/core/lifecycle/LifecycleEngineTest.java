package dev.canarypy.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.core.analysis.HealthAnalyzer;
import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.analysis.Verdict;
import dev.canarypy.core.lifecycle.DecisionCases.DecisionCase;
import dev.canarypy.core.release.BandPhase;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleEngineTest {
  private static final UUID RELEASE_ID = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");
  private static final Instant RELEASE_DATE = Instant.parse("2026-03-01T00:00:00Z");
  private static final CanarySettings DEFAULTS = CanarySettings.defaults();

  private static final SignalCounts PASSING = new SignalCounts(48, 2);
  private static final SignalCounts FAILING = new SignalCounts(12, 18);
  private static final SignalCounts TOO_FEW = new SignalCounts(9, 0);
  private static final SignalCounts STABLE = new SignalCounts(49, 1);

  private final MutableClock clock = new MutableClock(RELEASE_DATE);
  private final LifecycleEngine engine = new LifecycleEngine(new HealthAnalyzer(), clock);

  static List<DecisionCase> decisionCases() {
    return DecisionCases.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionCases")
  void evaluateMatchesDecisionCase(DecisionCase decisionCase) {
    clock.set(decisionCase.evaluatedAt(RELEASE_DATE));

    Decision decision = engine.evaluate(decisionCase.state(RELEASE_ID, RELEASE_DATE));

    assertThat(decision.type()).isEqualTo(decisionCase.expectedDecision());
    assertThat(decision.analysis().verdict()).isEqualTo(decisionCase.expectedVerdict());
  }

  @Test
  void decisionCasesCoverEveryOutcome() {
    List<DecisionCase> cases = DecisionCases.load();

    assertThat(cases)
        .extracting(DecisionCase::expectedDecision)
        .contains(
            DecisionType.NONE, DecisionType.PROMOTE, DecisionType.ROLL_BACK, DecisionType.PAUSE);
    assertThat(cases).extracting(DecisionCase::expectedVerdict).contains(Verdict.values());
    assertThat(cases).extracting(DecisionCase::name).doesNotHaveDuplicates();
  }

  @Test
  void passingCanaryIsPromotedOnlyAtPeriodEnd() {
    CanaryState state = canary(PASSING);

    clock.set(RELEASE_DATE.plus(Duration.ofDays(2)).minusNanos(1));
    Decision beforeEnd = engine.evaluate(state);
    clock.advance(Duration.ofNanos(1));
    Decision atEnd = engine.evaluate(state);

    assertThat(beforeEnd.type()).isEqualTo(DecisionType.NONE);
    assertThat(beforeEnd.band().number()).isEqualTo(5);
    assertThat(atEnd.type()).isEqualTo(DecisionType.PROMOTE);
    assertThat(atEnd.band().phase()).isEqualTo(BandPhase.PERIOD_ENDED);
    assertThat(atEnd.reason())
        .isEqualTo(
            "The canary period of 2 days ended at 2026-03-03T00:00:00Z and the analysis passes"
                + " (48 of 50 canary runs succeeded), so the canary is promoted.");
  }

  @Test
  void passingCanaryWaitsInCurrentBand() {
    clock.set(RELEASE_DATE.plus(Duration.ofHours(20)));

    Decision decision = engine.evaluate(canary(PASSING));

    assertThat(decision.type()).isEqualTo(DecisionType.NONE);
    assertThat(decision.band().number()).isEqualTo(3);
    assertThat(decision.reason())
        .isEqualTo(
            "The analysis passes, but a canary is promoted only when its period ends, so the"
                + " canary stays at band 3 of 5 (60% of executions) until its period ends at"
                + " 2026-03-03T00:00:00Z (48 of 50 canary runs succeeded).");
  }

  @Test
  void failingCanaryIsRolledBack() {
    clock.set(RELEASE_DATE.plus(Duration.ofHours(1)));

    Decision decision = engine.evaluate(canary(FAILING));

    assertThat(decision.type()).isEqualTo(DecisionType.ROLL_BACK);
    assertThat(decision.band().number()).isEqualTo(1);
    assertThat(decision.reason()).isEqualTo(decision.analysis().reason());
  }

  @Test
  void inconclusiveCanaryPausesAfterSecondPeriod() {
    CanaryState state = canary(TOO_FEW);

    clock.set(RELEASE_DATE.plus(Duration.ofDays(3)));
    Decision afterEnd = engine.evaluate(state);
    clock.set(RELEASE_DATE.plus(Duration.ofDays(4)).minusNanos(1));
    Decision beforePause = engine.evaluate(state);
    clock.advance(Duration.ofNanos(1));
    Decision atPause = engine.evaluate(state);

    assertThat(afterEnd.type()).isEqualTo(DecisionType.NONE);
    assertThat(afterEnd.band().targetShare()).isEqualTo(1.0);
    assertThat(afterEnd.reason())
        .isEqualTo(
            "The canary period ended at 2026-03-03T00:00:00Z but the analysis is still"
                + " inconclusive (9 of 9 canary runs succeeded), so the canary stays at the final"
                + " band until it can be decided, or is paused at 2026-03-05T00:00:00Z.");
    assertThat(beforePause.type()).isEqualTo(DecisionType.NONE);
    assertThat(atPause.type()).isEqualTo(DecisionType.PAUSE);
    assertThat(atPause.reason())
        .isEqualTo(
            "The analysis is still inconclusive one more canary period (2 days) after the period"
                + " ended at 2026-03-03T00:00:00Z (9 of 9 canary runs succeeded), so the canary is"
                + " paused for a person to decide.");
  }

  @Test
  void canaryBeforeReleaseDateWaits() {
    clock.set(RELEASE_DATE.minus(Duration.ofHours(1)));

    Decision decision = engine.evaluate(canary(SignalCounts.NONE));

    assertThat(decision.type()).isEqualTo(DecisionType.NONE);
    assertThat(decision.band().phase()).isEqualTo(BandPhase.NOT_STARTED);
    assertThat(decision.reason())
        .isEqualTo(
            "The canary gets no executions before its release date 2026-03-01T00:00:00Z, and its"
                + " analysis is inconclusive (0 of 0 canary runs succeeded).");
  }

  @ParameterizedTest
  @EnumSource(value = ReleaseStatus.class, names = "CANARY", mode = EnumSource.Mode.EXCLUDE)
  void nonCanaryGetsNoAutomaticDecision(ReleaseStatus status) {
    clock.set(RELEASE_DATE.plus(Duration.ofDays(10)));

    Decision failing = engine.evaluate(state(status, FAILING));
    Decision passing = engine.evaluate(state(status, PASSING));

    assertThat(failing.type()).isEqualTo(DecisionType.NONE);
    assertThat(failing.analysis().verdict()).isEqualTo(Verdict.FAIL);
    assertThat(passing.type()).isEqualTo(DecisionType.NONE);
  }

  @Test
  void pausedCanaryExplainsWhy() {
    Decision decision = engine.evaluate(state(ReleaseStatus.PAUSED, FAILING));

    assertThat(decision.reason())
        .isEqualTo(
            "The canary is paused, so no automatic decision is made until a person resumes it.");
  }

  @Test
  void newReleasePromotesPassingCanary() {
    clock.set(RELEASE_DATE.plus(Duration.ofHours(5)));

    Decision decision = engine.settleForNewRelease(canary(PASSING));

    assertThat(decision.type()).isEqualTo(DecisionType.PROMOTE);
    assertThat(decision.reason())
        .isEqualTo(
            "A new release arrived while the canary's analysis passes (48 of 50 canary runs"
                + " succeeded), so the canary is promoted.");
  }

  @ParameterizedTest
  @CsvSource({"9, 0, is inconclusive", "12, 18, fails"})
  void newReleaseSupersedesCanaryThatDoesNotPass(
      long successes, long failures, String verdictPhrase) {
    Decision decision = engine.settleForNewRelease(canary(new SignalCounts(successes, failures)));

    assertThat(decision.type()).isEqualTo(DecisionType.SUPERSEDE);
    assertThat(decision.reason())
        .isEqualTo(
            "A new release arrived while the canary's analysis "
                + verdictPhrase
                + " ("
                + successes
                + " of "
                + (successes + failures)
                + " canary runs succeeded), so the canary is superseded.");
  }

  @Test
  void newReleaseSettlesPausedCanary() {
    Decision decision = engine.settleForNewRelease(state(ReleaseStatus.PAUSED, PASSING));

    assertThat(decision.type()).isEqualTo(DecisionType.PROMOTE);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReleaseStatus.class,
      names = {"CANARY", "PAUSED"},
      mode = EnumSource.Mode.EXCLUDE)
  void newReleaseLeavesSettledReleaseAlone(ReleaseStatus status) {
    Decision decision = engine.settleForNewRelease(state(status, PASSING));

    assertThat(decision.type()).isEqualTo(DecisionType.NONE);
  }

  @ParameterizedTest
  @CsvSource({
    "false, true, STABLE",
    "false, false, STABLE",
    "true, false, STABLE",
    "true, true, CANARY",
  })
  void initialStatusOfNewRelease(
      boolean productHasStable, boolean isCanary, ReleaseStatus expected) {
    assertThat(LifecycleEngine.initialStatus(productHasStable, isCanary)).isEqualTo(expected);
  }

  @Test
  void engineReadsTimeOnlyFromClock() {
    Clock fixed = Clock.fixed(RELEASE_DATE.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    LifecycleEngine fixedEngine = new LifecycleEngine(new HealthAnalyzer(), fixed);

    assertThat(fixedEngine.evaluate(canary(PASSING)).type()).isEqualTo(DecisionType.PROMOTE);
  }

  @Test
  void constructorRejectsMissingClock() {
    assertThatThrownBy(() -> new LifecycleEngine(new HealthAnalyzer(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock is required");
  }

  @Test
  void stateRejectsMissingCounts() {
    assertThatThrownBy(
            () ->
                new CanaryState(
                    RELEASE_ID, ReleaseStatus.CANARY, RELEASE_DATE, DEFAULTS, null, STABLE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("canary counts are required");
  }

  private static CanaryState canary(SignalCounts canary) {
    return state(ReleaseStatus.CANARY, canary);
  }

  private static CanaryState state(ReleaseStatus status, SignalCounts canary) {
    return new CanaryState(RELEASE_ID, status, RELEASE_DATE, DEFAULTS, canary, STABLE);
  }
}
