package dev.canarypy.core.analysis;

/**
 * Anytime-valid evidence that one release's failure rate is above a given rate.
 *
 * <p>The e-process against "failure rate ≤ p0" is the uniform Beta(1, 1) mixture of Bernoulli
 * likelihoods divided by the largest likelihood that any rate ≤ p0 gives the same counts. For every
 * true rate p ≤ p0 the ratio is at most the mixture's likelihood ratio against p, which is a
 * nonnegative martingale with mean 1. By Ville's inequality the ratio therefore ever reaches 1/α
 * with probability at most α, however often it is looked at.
 */
final class FailureRateEvidence {
  /** Prior of the mixture: uniform, so a canary failing every run is caught in 5 signals. */
  private static final BernoulliMath.BetaPrior PRIOR = new BernoulliMath.BetaPrior(1, 1);

  private final long failures;
  private final long successes;

  /** Log-probability of the counts under the mixture, the numerator of every e-value. */
  private final double logMixture;

  /** Prepares the evidence of these counts. */
  FailureRateEvidence(SignalCounts counts) {
    this.failures = counts.failures();
    this.successes = counts.successes();
    this.logMixture = PRIOR.logMixture(failures, successes);
  }

  /**
   * Returns the log e-value against the null hypothesis "failure rate ≤ maxNullRate"; 0 without
   * signals.
   */
  double logEValue(double maxNullRate) {
    if (failures + successes == 0) {
      return 0;
    }
    double nullRate = Math.min(observedRate(), maxNullRate);
    return logMixture - BernoulliMath.logLikelihood(failures, successes, nullRate);
  }

  /**
   * Returns the lower confidence bound on the failure rate: the smallest rate p whose null "failure
   * rate ≤ p" the counts do not reject at log e-value {@code logLevel} = ln(1/α).
   *
   * <p>The bounds for all times together hold with probability at least 1 − α.
   */
  double lowerBound(double logLevel) {
    if (failures == 0) {
      return 0;
    }

    // Below the observed rate the log e-value falls as p rises, so the bound is the p in
    // (0, observed] where the log-likelihood equals the mixture's log-probability minus logLevel.
    double target = logMixture - logLevel;
    BernoulliMath.IncreasingFunction excess =
        new BernoulliMath.IncreasingFunction() {
          @Override
          public double value(double p) {
            return BernoulliMath.logLikelihood(failures, successes, p) - target;
          }

          @Override
          public double slope(double p) {
            return failures / p - successes / (1 - p);
          }
        };
    double observed = observedRate();
    return BernoulliMath.lowerRoot(excess, 0, observed, 0.5 * observed);
  }

  private double observedRate() {
    return (double) failures / (failures + successes);
  }
}
