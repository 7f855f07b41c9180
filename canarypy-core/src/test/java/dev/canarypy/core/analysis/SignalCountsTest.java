package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalCountsTest {

  @Test
  void noneHasNoSignals() {
    assertThat(SignalCounts.NONE.total()).isZero();
    assertThat(SignalCounts.NONE.isEmpty()).isTrue();
  }

  @Test
  void ratesAreFractionsOfTotal() {
    SignalCounts counts = new SignalCounts(3, 1);

    assertThat(counts.total()).isEqualTo(4);
    assertThat(counts.successRate()).isEqualTo(0.75);
    assertThat(counts.failureRate()).isEqualTo(0.25);
  }

  @Test
  void rateWithoutSignalsIsRejected() {
    assertThatThrownBy(SignalCounts.NONE::failureRate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no signals, so there is no rate; check isEmpty() first");
  }

  @ParameterizedTest
  @CsvSource({"-1, 0", "0, -1"})
  void negativeCountIsRejected(long successes, long failures) {
    assertThatThrownBy(() -> new SignalCounts(successes, failures))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "signal counts must not be negative, got successes="
                + successes
                + " and failures="
                + failures);
  }

  @Test
  void overflowingTotalIsRejected() {
    assertThatThrownBy(() -> new SignalCounts(Long.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("signal counts are too large to add up");
  }

  @Test
  void plusAddsCounts() {
    SignalCounts counts = SignalCounts.NONE.plusSuccess().plusFailure().plusFailure();

    assertThat(counts).isEqualTo(new SignalCounts(1, 2));
    assertThat(counts.plus(new SignalCounts(4, 5))).isEqualTo(new SignalCounts(5, 7));
  }
}
