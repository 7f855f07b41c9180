package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the two-sample e-process against values computed independently with SciPy 1.17 ({@code
 * betaln}, {@code minimize_scalar} for the constrained maximum and {@code brentq} for the bound).
 */
class FailureRateDifferenceEvidenceTest {
  private static final double LOG_200 = Math.log(200);

  @ParameterizedTest
  @CsvSource({
    "40, 160, 4, 196, 0.05, 5.723783356964304",
    "10, 10, 1, 19, 0.05, 2.2804235625283056",
  })
  void logEValueMatchesReference(
      long canaryFailures,
      long canarySuccesses,
      long stableFailures,
      long stableSuccesses,
      double difference,
      double expected) {
    SignalCounts canary = new SignalCounts(canarySuccesses, canaryFailures);
    SignalCounts stable = new SignalCounts(stableSuccesses, stableFailures);

    assertThat(new FailureRateDifferenceEvidence(canary, stable).logEValue(difference))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void logEValueIsZeroWithoutStableSignals() {
    SignalCounts canary = new SignalCounts(0, 100);

    assertThat(new FailureRateDifferenceEvidence(canary, SignalCounts.NONE).logEValue(0.05))
        .isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "40, 160, 4, 196, 0.05279982039295437",
    "10, 10, 1, 19, -0.08034725296359585",
    "3, 7, 0, 10, -0.34096925522866206",
  })
  void lowerBoundMatchesReference(
      long canaryFailures,
      long canarySuccesses,
      long stableFailures,
      long stableSuccesses,
      double expected) {
    SignalCounts canary = new SignalCounts(canarySuccesses, canaryFailures);
    SignalCounts stable = new SignalCounts(stableSuccesses, stableFailures);

    assertThat(new FailureRateDifferenceEvidence(canary, stable).lowerBound(LOG_200))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void lowerBoundMinusOneWithoutEvidence() {
    // One canary success against one stable failure rules out no difference at all.
    SignalCounts canary = new SignalCounts(1, 0);
    SignalCounts stable = new SignalCounts(0, 1);

    assertThat(new FailureRateDifferenceEvidence(canary, stable).lowerBound(LOG_200)).isEqualTo(-1);
  }

  @Test
  void lowerBoundAgreesWithTest() {
    SignalCounts canary = new SignalCounts(160, 40);
    SignalCounts stable = new SignalCounts(196, 4);
    double bound = new FailureRateDifferenceEvidence(canary, stable).lowerBound(LOG_200);

    assertThat(new FailureRateDifferenceEvidence(canary, stable).logEValue(bound - 1e-9))
        .isGreaterThan(LOG_200);
    assertThat(new FailureRateDifferenceEvidence(canary, stable).logEValue(bound + 1e-9))
        .isLessThan(LOG_200);
  }

  @Test
  void lowerBoundRejectsMissingStableSignals() {
    assertThatThrownBy(
            () ->
                new FailureRateDifferenceEvidence(new SignalCounts(1, 1), SignalCounts.NONE)
                    .lowerBound(LOG_200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs signals from both releases");
  }
}
