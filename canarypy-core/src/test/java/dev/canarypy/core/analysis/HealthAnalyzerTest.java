package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.core.release.CanarySettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthAnalyzerTest {
  private static final CanarySettings DEFAULTS = CanarySettings.defaults();

  private final HealthAnalyzer analyzer = new HealthAnalyzer();

  @Test
  void noSignalsIsInconclusive() {
    Analysis analysis = analyzer.analyze(SignalCounts.NONE, SignalCounts.NONE, DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(analysis.missingSignals()).isEqualTo(10);
    assertThat(analysis.canarySuccessRate()).isNull();
    assertThat(analysis.canaryFailureRate()).isNull();
    assertThat(analysis.stableFailureRate()).isNull();
    assertThat(analysis.canarySuccessRateUpperBound()).isNull();
    assertThat(analysis.failureRateDifferenceLowerBound()).isNull();
    assertThat(analysis.confidenceLevel()).isEqualTo(0.99);
    assertThat(analysis.reason())
        .isEqualTo(
            "The analysis is inconclusive because the canary has sent 0 of the 10 signals needed"
                + " before it can pass (0 succeeded, 0 failed).");
  }

  /** A canary failing every run: 4 failures leave 82 % possible, 5 rule out 80 %. */
  @ParameterizedTest
  @CsvSource({
    "1, INCONCLUSIVE",
    "2, INCONCLUSIVE",
    "3, INCONCLUSIVE",
    "4, INCONCLUSIVE",
    "5, FAIL"
  })
  void canaryFailingEveryRunFailsAtFifthSignal(long failures, Verdict expected) {
    Analysis analysis =
        analyzer.analyze(new SignalCounts(0, failures), new SignalCounts(failures, 0), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(expected);
  }

  @Test
  void fewerThanThreeFailuresNeverFail() {
    // With a threshold of 100 % a single failure proves the success rate is below it.
    CanarySettings everyRunMustSucceed = new CanarySettings(Duration.ofDays(2), 5, 100, 10, 5);

    Analysis analysis =
        analyzer.analyze(new SignalCounts(0, 1), SignalCounts.NONE, everyRunMustSucceed);

    assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(analysis.canarySuccessRateUpperBound()).isLessThan(1.0);
    assertThat(analysis.reason())
        .isEqualTo(
            "The analysis is inconclusive because the canary has 1 failure in 1 run, and at least"
                + " 3 failures are needed before it can fail.");
  }

  @Test
  void thirdFailureAllowsFail() {
    CanarySettings everyRunMustSucceed = new CanarySettings(Duration.ofDays(2), 5, 100, 10, 5);

    Analysis analysis =
        analyzer.analyze(new SignalCounts(0, 3), SignalCounts.NONE, everyRunMustSucceed);

    assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Property
  void fewerThanThreeFailuresNeverFailForAnyCounts(
      @ForAll @LongRange(max = 100_000) long canarySuccesses,
      @ForAll @LongRange(max = 2) long canaryFailures,
      @ForAll @LongRange(max = 100_000) long stableSuccesses,
      @ForAll @LongRange(max = 100_000) long stableFailures,
      @ForAll @DoubleRange(min = 0, max = 100) double threshold,
      @ForAll @DoubleRange(min = 0, max = 100) double tolerance) {
    CanarySettings settings = new CanarySettings(Duration.ofDays(2), 5, threshold, 10, tolerance);

    Analysis analysis =
        analyzer.analyze(
            new SignalCounts(canarySuccesses, canaryFailures),
            new SignalCounts(stableSuccesses, stableFailures),
            settings);

    assertThat(analysis.verdict()).isNotEqualTo(Verdict.FAIL);
  }

  @ParameterizedTest
  @CsvSource({"9, 1, INCONCLUSIVE", "10, 0, PASS", "25, 0, PASS"})
  void passNeedsMinSignals(long successes, long expectedMissing, Verdict expected) {
    Analysis analysis =
        analyzer.analyze(new SignalCounts(successes, 0), new SignalCounts(successes, 0), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(expected);
    assertThat(analysis.missingSignals()).isEqualTo(expectedMissing);
  }

  @Test
  void passAtThresholdExactly() {
    Analysis analysis = analyzer.analyze(new SignalCounts(8, 2), new SignalCounts(10, 0), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.PASS);
    assertThat(analysis.reason())
        .isEqualTo(
            "The canary passes because 8 of 10 runs succeeded (80%), at least the 80% threshold,"
                + " and its failure rate of 20% is not shown to exceed the stable's 0% by more"
                + " than 5 points.");
  }

  @Test
  void belowThresholdWithoutProofIsInconclusive() {
    Analysis analysis = analyzer.analyze(new SignalCounts(7, 3), new SignalCounts(10, 0), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(analysis.missingSignals()).isZero();
    assertThat(analysis.reason())
        .isEqualTo(
            "The analysis is inconclusive because 7 of 10 canary runs succeeded (70%), below the"
                + " 80% threshold, but with 99% confidence the success rate may still be as high"
                + " as 98.38%.");
  }

  @Test
  void successRateBelowThresholdFails() {
    Analysis analysis =
        analyzer.analyze(new SignalCounts(12, 18), new SignalCounts(30, 0), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(analysis.canarySuccessRate()).isEqualTo(0.4);
    assertThat(analysis.canarySuccessRateUpperBound()).isLessThan(0.8);
    assertThat(analysis.reason())
        .isEqualTo(
            "The canary fails because with 99% confidence its success rate is at most 72.32%,"
                + " below the 80% threshold (12 of 30 runs succeeded).");
  }

  @Test
  void failureRateAboveStablePlusToleranceFails() {
    // 80 % success meets the threshold, but 20 % failures against the stable's 2 % do not.
    Analysis analysis =
        analyzer.analyze(new SignalCounts(160, 40), new SignalCounts(196, 4), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(analysis.canaryFailureRate()).isEqualTo(0.2);
    assertThat(analysis.stableFailureRate()).isEqualTo(0.02);
    assertThat(analysis.failureRateDifferenceLowerBound()).isGreaterThan(0.05);
    assertThat(analysis.reason())
        .isEqualTo(
            "The canary fails because with 99% confidence its failure rate exceeds the stable's"
                + " by at least 5.28 points, more than the tolerance of 5 points, with 40 of 200"
                + " canary runs failed (20%) against 4 of 200 stable runs failed (2%).");
  }

  @Test
  void failureRateWithinToleranceOfPoorStablePasses() {
    Analysis analysis =
        analyzer.analyze(new SignalCounts(160, 40), new SignalCounts(170, 30), DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.PASS);
    assertThat(analysis.failureRateDifferenceLowerBound()).isLessThan(0.05);
  }

  @Test
  void largerToleranceAcceptsSameDifference() {
    CanarySettings tolerant = new CanarySettings(Duration.ofDays(2), 5, 80, 10, 10);

    Analysis analysis =
        analyzer.analyze(new SignalCounts(160, 40), new SignalCounts(196, 4), tolerant);

    assertThat(analysis.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void noStableSignalsSkipsComparison() {
    Analysis analysis = analyzer.analyze(new SignalCounts(160, 40), SignalCounts.NONE, DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.PASS);
    assertThat(analysis.stableFailureRate()).isNull();
    assertThat(analysis.failureRateDifferenceLowerBound()).isNull();
    assertThat(analysis.reason())
        .isEqualTo(
            "The canary passes because 160 of 200 runs succeeded (80%), at least the 80%"
                + " threshold, and the stable release has sent no signals in this window to"
                + " compare it with.");
  }

  @Test
  void noStableSignalsStillFailsBelowThreshold() {
    Analysis analysis = analyzer.analyze(new SignalCounts(12, 18), SignalCounts.NONE, DEFAULTS);

    assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void lowerConfidenceFailsSooner() {
    SignalCounts canary = new SignalCounts(15, 15);

    Analysis at99 = analyzer.analyze(canary, SignalCounts.NONE, DEFAULTS);
    Analysis at90 = new HealthAnalyzer(0.9).analyze(canary, SignalCounts.NONE, DEFAULTS);

    assertThat(at99.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(at90.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(at90.confidenceLevel()).isEqualTo(0.9);
    assertThat(at90.reason()).contains("with 90% confidence");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, 99, Double.NaN})
  void constructorRejectsInvalidConfidenceLevel(double level) {
    assertThatThrownBy(() -> new HealthAnalyzer(level))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "confidence level must be between 0 and 1 exclusive, such as 0.99, got " + level);
  }

  @Test
  void sameCountsGiveEqualAnalysis() {
    SignalCounts canary = new SignalCounts(160, 40);
    SignalCounts stable = new SignalCounts(196, 4);

    assertThat(analyzer.analyze(canary, stable, DEFAULTS))
        .isEqualTo(new HealthAnalyzer().analyze(canary, stable, DEFAULTS));
  }

  @Property
  void numbersAreFiniteAndInRange(
      @ForAll @LongRange(max = 1_000_000) long canarySuccesses,
      @ForAll @LongRange(max = 1_000_000) long canaryFailures,
      @ForAll @LongRange(max = 1_000_000) long stableSuccesses,
      @ForAll @LongRange(max = 1_000_000) long stableFailures,
      @ForAll @DoubleRange(min = 0, max = 100) double threshold,
      @ForAll @DoubleRange(min = 0, max = 100) double tolerance,
      @ForAll @IntRange(min = 1, max = 1000) int minSignals) {
    CanarySettings settings =
        new CanarySettings(Duration.ofDays(2), 5, threshold, minSignals, tolerance);
    SignalCounts canary = new SignalCounts(canarySuccesses, canaryFailures);

    Analysis analysis =
        analyzer.analyze(canary, new SignalCounts(stableSuccesses, stableFailures), settings);

    Double[] rates = {
      analysis.canarySuccessRate(),
      analysis.canaryFailureRate(),
      analysis.stableFailureRate(),
      analysis.canarySuccessRateUpperBound()
    };
    assertThat(Arrays.stream(rates).filter(Objects::nonNull)).allMatch(r -> r >= 0 && r <= 1);
    Double difference = analysis.failureRateDifferenceLowerBound();
    if (difference != null) {
      assertThat(difference).isBetween(-1.0, 1.0);
    }
    assertThat(analysis.missingSignals()).isEqualTo(Math.max(0, minSignals - canary.total()));
    assertThat(analysis.reason()).endsWith(".").doesNotContain("NaN", "Infinity");
  }

  @Property
  void successUpperBoundIsAtLeastObservedRate(
      @ForAll @LongRange(max = 100_000) long successes,
      @ForAll @LongRange(min = 1, max = 100_000) long failures) {
    Analysis analysis =
        analyzer.analyze(new SignalCounts(successes, failures), SignalCounts.NONE, DEFAULTS);

    assertThat(analysis.canarySuccessRateUpperBound())
        .isGreaterThanOrEqualTo(analysis.canarySuccessRate());
  }

  @Test
  void analyzeRejectsMissingSettings() {
    assertThatThrownBy(() -> analyzer.analyze(SignalCounts.NONE, SignalCounts.NONE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("settings are required");
  }
}
