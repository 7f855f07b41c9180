package dev.canarypy.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BernoulliMathTest {

  /** Reference values from SciPy 1.17 {@code scipy.special.gammaln}. */
  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5723649429247",
    "1, 0.0",
    "2.5, 0.2846828704729192",
    "10, 12.801827480081469",
    "14.999, 25.188546870546926",
    "15, 25.191221182738683",
    "100.5, 361.43554046777757",
    "1000000, 12815504.569147611",
  })
  void logGammaMatchesReference(double x, double expected) {
    assertThat(BernoulliMath.logGamma(x))
        .isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
  }

  @Test
  void logGammaRejectsZero() {
    assertThatThrownBy(() -> BernoulliMath.logGamma(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("logGamma needs x > 0, got 0.0");
  }

  @Test
  void uniformMixtureIsInverseBinomial() {
    // Under a uniform prior every sequence of 2 failures and 3 successes has probability
    // 2! 3! / 6! = 1/60.
    assertThat(new BernoulliMath.BetaPrior(1, 1).logMixture(2, 3))
        .isCloseTo(Math.log(1.0 / 60), within(1e-13));
  }

  @Test
  void logLikelihoodTreatsZeroCountsAsZero() {
    assertThat(BernoulliMath.logLikelihood(0, 5, 0)).isEqualTo(0);
    assertThat(BernoulliMath.logLikelihood(5, 0, 1)).isEqualTo(0);
    assertThat(BernoulliMath.logLikelihood(1, 0, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void maxLogLikelihoodUsesObservedRate() {
    assertThat(BernoulliMath.maxLogLikelihood(1, 3))
        .isCloseTo(Math.log(0.25) + 3 * Math.log(0.75), within(1e-13));
    assertThat(BernoulliMath.maxLogLikelihood(0, 0)).isEqualTo(0);
  }
}
