package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the one-sample e-process against values computed independently with SciPy 1.17 ({@code
 * betaln} for the mixture, {@code brentq} for the bound).
 */
class FailureRateEvidenceTest {
  private static final double LOG_200 = Math.log(200);

  @ParameterizedTest
  @CsvSource({
    "5, 0, 0.2, 6.255430092942447",
    "18, 12, 0.2, 9.93804118996395",
  })
  void logEValueMatchesReference(long failures, long successes, double nullRate, double expected) {
    SignalCounts counts = new SignalCounts(successes, failures);

    assertThat(new FailureRateEvidence(counts).logEValue(nullRate))
        .isCloseTo(expected, within(1e-10));
  }

  @Test
  void logEValueNegativeInsideNull() {
    SignalCounts counts = new SignalCounts(90, 10);

    assertThat(new FailureRateEvidence(counts).logEValue(0.2)).isNegative();
  }

  @Test
  void logEValueIsZeroWithoutSignals() {
    assertThat(new FailureRateEvidence(SignalCounts.NONE).logEValue(0.2)).isZero();
  }

  @Test
  void logEValueInfiniteAgainstZeroRate() {
    assertThat(new FailureRateEvidence(new SignalCounts(0, 1)).logEValue(0)).isInfinite();
  }

  @ParameterizedTest
  @CsvSource({
    "18, 12, 0.27682546661715846",
    "40, 160, 0.10437425536008708",
  })
  void lowerBoundMatchesReference(long failures, long successes, double expected) {
    SignalCounts counts = new SignalCounts(successes, failures);

    assertThat(new FailureRateEvidence(counts).lowerBound(LOG_200))
        .isCloseTo(expected, within(1e-10));
  }

  @Test
  void lowerBoundIsZeroWithoutFailures() {
    assertThat(new FailureRateEvidence(new SignalCounts(50, 0)).lowerBound(LOG_200)).isZero();
  }

  @Test
  void lowerBoundAgreesWithTest() {
    SignalCounts counts = new SignalCounts(12, 18);
    double bound = new FailureRateEvidence(counts).lowerBound(LOG_200);

    assertThat(new FailureRateEvidence(counts).logEValue(bound - 1e-9)).isGreaterThan(LOG_200);
    assertThat(new FailureRateEvidence(counts).logEValue(bound + 1e-9)).isLessThan(LOG_200);
  }
}
