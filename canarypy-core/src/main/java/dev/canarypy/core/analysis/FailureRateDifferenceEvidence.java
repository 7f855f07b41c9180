package dev.canarypy.core.analysis;

/**
 * Anytime-valid evidence that the canary's failure rate exceeds the stable's by more than a given
 * difference.
 *
 * <p>The e-process against "canary rate − stable rate ≤ d" divides the product of two Beta mixtures
 * of Bernoulli likelihoods, one per release, by the largest likelihood that any pair of rates
 * inside that null gives the same counts. For every true pair inside the null the ratio is at most
 * the mixtures' likelihood ratio against that pair. That ratio is a nonnegative martingale with
 * mean 1 whichever release each signal comes from, so by Ville's inequality the e-process ever
 * reaches 1/α with probability at most α.
 *
 * <p>The canary's prior is uniform. The stable's is Beta(1/2, 2), with mean 0.2 and most of its
 * weight on low failure rates, because a stable release mostly succeeds. The choice changes only
 * how fast a failing canary is caught, never the error bound.
 */
final class FailureRateDifferenceEvidence {
  private static final BernoulliMath.BetaPrior CANARY_PRIOR = new BernoulliMath.BetaPrior(1, 1);
  private static final BernoulliMath.BetaPrior STABLE_PRIOR = new BernoulliMath.BetaPrior(0.5, 2);

  private final SignalCounts canary;
  private final SignalCounts stable;

  /** Log-probability of both releases' counts under the mixtures, the numerator of each e-value. */
  private final double logMixture;

  /** Prepares the evidence of these counts. */
  FailureRateDifferenceEvidence(SignalCounts canary, SignalCounts stable) {
    this.canary = canary;
    this.stable = stable;
    this.logMixture =
        CANARY_PRIOR.logMixture(canary.failures(), canary.successes())
            + STABLE_PRIOR.logMixture(stable.failures(), stable.successes());
  }

  /**
   * Returns the log e-value against the null hypothesis "canary failure rate − stable failure rate
   * ≤ maxNullDifference"; 0 when either release has no signals, because then no difference can be
   * shown.
   */
  double logEValue(double maxNullDifference) {
    if (canary.isEmpty() || stable.isEmpty()) {
      return 0;
    }
    return logMixture - maxNullLogLikelihood(canary, stable, maxNullDifference);
  }

  /**
   * Returns the lower confidence bound on the canary's failure rate minus the stable's: the
   * smallest difference d whose null the counts do not reject at log e-value {@code logLevel} =
   * ln(1/α). The bounds for all times together hold with probability at least 1 − α.
   *
   * @throws IllegalArgumentException if either release has no signals
   */
  double lowerBound(double logLevel) {
    if (canary.isEmpty() || stable.isEmpty()) {
      throw new IllegalArgumentException(
          "a failure rate difference needs signals from both releases, got canary="
              + canary
              + " and stable="
              + stable);
    }

    // The constrained maximum likelihood rises and is concave in d up to the observed difference,
    // where the constraint stops binding, so the bound is the d where it meets the target.
    double target = logMixture - logLevel;
    if (maxNullLogLikelihood(canary, stable, -1) >= target) {
      return -1;
    }
    BernoulliMath.IncreasingFunction excess =
        new BernoulliMath.IncreasingFunction() {
          // lowerRoot requests the slope at the point it has just evaluated.
          private double lastDifference = Double.NaN;
          private double lastStableRate;

          @Override
          public double value(double difference) {
            lastDifference = difference;
            lastStableRate = bestStableRateOnLine(canary, stable, difference);
            return lineLogLikelihood(canary, stable, difference, lastStableRate) - target;
          }

          @Override
          public double slope(double difference) {
            double stableRate =
                difference == lastDifference
                    ? lastStableRate
                    : bestStableRateOnLine(canary, stable, difference);
            // By the envelope theorem the slope is the partial derivative in d at the optimum.
            return rateSlope(canary.failures(), canary.successes(), stableRate + difference);
          }
        };
    double observed = canary.failureRate() - stable.failureRate();
    return BernoulliMath.lowerRoot(excess, -1, observed, waldStart(observed, logLevel));
  }

  /**
   * Returns a normal-approximation guess of the bound, where the root search starts. Its accuracy
   * affects only the number of iterations.
   */
  private double waldStart(double observed, double logLevel) {
    double canaryRate = (canary.failures() + 0.5) / (canary.total() + 1);
    double stableRate = (stable.failures() + 0.5) / (stable.total() + 1);
    double variance =
        canaryRate * (1 - canaryRate) / canary.total()
            + stableRate * (1 - stableRate) / stable.total();
    return observed - Math.sqrt(2 * logLevel * variance);
  }

  /** Returns the largest joint log-likelihood over rate pairs with canary − stable ≤ difference. */
  private static double maxNullLogLikelihood(
      SignalCounts canary, SignalCounts stable, double difference) {
    double observed = canary.failureRate() - stable.failureRate();
    if (observed <= difference) {
      return BernoulliMath.maxLogLikelihood(canary.failures(), canary.successes())
          + BernoulliMath.maxLogLikelihood(stable.failures(), stable.successes());
    }

    // Otherwise the maximum lies on the line canary rate = stable rate + difference.
    double stableRate = bestStableRateOnLine(canary, stable, difference);
    return lineLogLikelihood(canary, stable, difference, stableRate);
  }

  private static double lineLogLikelihood(
      SignalCounts canary, SignalCounts stable, double difference, double stableRate) {
    double canaryRate = Math.min(1, Math.max(0, stableRate + difference));
    return BernoulliMath.logLikelihood(canary.failures(), canary.successes(), canaryRate)
        + BernoulliMath.logLikelihood(stable.failures(), stable.successes(), stableRate);
  }

  /**
   * Returns the stable rate p that maximises the joint log-likelihood on the line canary rate = p +
   * difference, for p in [max(0, −difference), min(1, 1 − difference)].
   */
  private static double bestStableRateOnLine(
      SignalCounts canary, SignalCounts stable, double difference) {
    double lo = Math.max(0, -difference);
    double hi = Math.min(1, 1 - difference);
    if (hi <= lo) {
      return lo;
    }

    // The log-likelihood is concave along the line, so its slope falls from lo to hi. A slope that
    // never changes sign puts the maximum at an end of the segment.
    BernoulliMath.IncreasingFunction negativeSlope =
        new BernoulliMath.IncreasingFunction() {
          @Override
          public double value(double p) {
            return -lineSlope(canary, stable, difference, p);
          }

          @Override
          public double slope(double p) {
            return -lineCurvature(canary, stable, difference, p);
          }
        };
    if (negativeSlope.value(lo) >= 0) {
      return lo;
    }
    if (negativeSlope.value(hi) < 0) {
      return hi;
    }
    // Pooling both releases' failures, shifted by the difference, starts near the optimum.
    long total = canary.total() + stable.total();
    double pooled = (canary.failures() + stable.failures() - difference * canary.total()) / total;
    return BernoulliMath.lowerRoot(negativeSlope, lo, hi, pooled);
  }

  private static double lineSlope(
      SignalCounts canary, SignalCounts stable, double difference, double stableRate) {
    return rateSlope(canary.failures(), canary.successes(), stableRate + difference)
        + rateSlope(stable.failures(), stable.successes(), stableRate);
  }

  private static double lineCurvature(
      SignalCounts canary, SignalCounts stable, double difference, double stableRate) {
    return rateCurvature(canary.failures(), canary.successes(), stableRate + difference)
        + rateCurvature(stable.failures(), stable.successes(), stableRate);
  }

  /** Returns the derivative of the log-likelihood in the failure rate; zero counts add nothing. */
  private static double rateSlope(long failures, long successes, double rate) {
    double slope = 0;
    if (failures > 0) {
      slope += failures / rate;
    }
    if (successes > 0) {
      slope -= successes / (1 - rate);
    }
    return slope;
  }

  private static double rateCurvature(long failures, long successes, double rate) {
    double curvature = 0;
    if (failures > 0) {
      curvature -= failures / (rate * rate);
    }
    if (successes > 0) {
      curvature -= successes / ((1 - rate) * (1 - rate));
    }
    return curvature;
  }
}
