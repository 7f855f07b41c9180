package dev.canarypy.core.analysis;

/** Log-likelihoods of Bernoulli counts and the special functions they need. */
final class BernoulliMath {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** Below this argument, log-gamma shifts up before it uses the Stirling series. */
  private static final double STIRLING_MIN = 15;

  /** Width of the bracket at which {@link #lowerRoot} stops. */
  static final double ROOT_TOLERANCE = 1e-12;

  private BernoulliMath() {}

  /**
   * Returns ln Γ(x) for x > 0, with an absolute error below 1e-13.
   *
   * <p>It uses Stirling's series to the x^-7 term, after raising small arguments above {@value
   * #STIRLING_MIN} with Γ(x) = Γ(x + 1) / x.
   */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    double shift = 0;
    double z = x;
    if (z < STIRLING_MIN) {
      double product = 1;
      while (z < STIRLING_MIN) {
        product *= z;
        z += 1;
      }
      shift = Math.log(product);
    }
    double inverse = 1 / z;
    double inverseSquared = inverse * inverse;
    double series =
        inverse
            * (1.0 / 12
                - inverseSquared
                    * (1.0 / 360 - inverseSquared * (1.0 / 1260 - inverseSquared / 1680)));
    return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + series - shift;
  }

  /** Returns ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /**
   * A Beta(failures, successes) prior on the failure rate, with ln B(failures, successes) computed
   * once.
   */
  record BetaPrior(double failures, double successes, double logNormalizer) {
    BetaPrior(double failures, double successes) {
      this(failures, successes, logBeta(failures, successes));
    }

    /**
     * Returns the log-probability of one particular sequence with these counts when the failure
     * rate is drawn from this prior.
     */
    double logMixture(long observedFailures, long observedSuccesses) {
      return logBeta(observedFailures + failures, observedSuccesses + successes) - logNormalizer;
    }
  }

  /**
   * Returns the log-likelihood of one particular sequence with these counts when each run fails
   * with probability {@code failureRate}; 0 · ln 0 counts as 0, so a rate of 0 or 1 is allowed.
   */
  static double logLikelihood(long failures, long successes, double failureRate) {
    double result = 0;
    if (failures > 0) {
      result += failures * Math.log(failureRate);
    }
    if (successes > 0) {
      result += successes * Math.log1p(-failureRate);
    }
    return result;
  }

  /** Returns the maximum of {@link #logLikelihood} over all failure rates. */
  static double maxLogLikelihood(long failures, long successes) {
    long total = failures + successes;
    return total == 0 ? 0 : logLikelihood(failures, successes, (double) failures / total);
  }

  /** A function with its derivative, increasing on the interval searched. */
  interface IncreasingFunction {
    double value(double x);

    double slope(double x);
  }

  /**
   * Returns a point within {@value #ROOT_TOLERANCE} below the root of {@code function} in {@code
   * [lo, hi]}, on the side where the function is negative.
   *
   * <p>It takes Newton steps inside a shrinking bracket and falls back to bisection when a step
   * leaves the bracket. Each Newton step is nudged half a tolerance past its landing point, so a
   * concave function, whose Newton steps approach the root from one side, also closes the bracket.
   *
   * @param lo a point where the function is negative
   * @param hi a point where the function is zero or positive
   * @param start first point to evaluate; the midpoint is used when it is not inside (lo, hi)
   */
  static double lowerRoot(IncreasingFunction function, double lo, double hi, double start) {
    double x = start > lo && start < hi ? start : 0.5 * (lo + hi);
    for (int i = 0; i < 200 && hi - lo > ROOT_TOLERANCE; i++) {
      double value = function.value(x);
      if (value < 0) {
        lo = x;
      } else {
        hi = x;
      }
      double next = x - value / function.slope(x) + (value < 0 ? 0.5 : -0.5) * ROOT_TOLERANCE;
      x = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
    return lo;
  }
}
