package dev.canarypy.core.analysis;

/**
 * Success and failure counts of one release's signals over the analysis window.
 *
 * @param successes signals with status success, at least 0
 * @param failures signals with status failed, at least 0
 */
public record SignalCounts(long successes, long failures) {
  /** No signals at all. */
  public static final SignalCounts NONE = new SignalCounts(0, 0);

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative or their sum overflows a long
   */
  public SignalCounts {
    if (successes < 0 || failures < 0) {
      throw new IllegalArgumentException(
          "signal counts must not be negative, got successes="
              + successes
              + " and failures="
              + failures);
    }
    if (successes > Long.MAX_VALUE - failures) {
      throw new IllegalArgumentException(
          "signal counts are too large to add up: successes="
              + successes
              + ", failures="
              + failures);
    }
  }

  /** Returns the number of signals, successes plus failures. */
  public long total() {
    return successes + failures;
  }

  /** Returns true if there are no signals. */
  public boolean isEmpty() {
    return total() == 0;
  }

  /**
   * Returns the observed failure rate, between 0 and 1.
   *
   * @throws IllegalStateException if there are no signals
   */
  public double failureRate() {
    requireSignals();
    return (double) failures / total();
  }

  /**
   * Returns the observed success rate, between 0 and 1.
   *
   * @throws IllegalStateException if there are no signals
   */
  public double successRate() {
    requireSignals();
    return (double) successes / total();
  }

  /** Returns these counts with one more success. */
  public SignalCounts plusSuccess() {
    return new SignalCounts(Math.addExact(successes, 1), failures);
  }

  /** Returns these counts with one more failure. */
  public SignalCounts plusFailure() {
    return new SignalCounts(successes, Math.addExact(failures, 1));
  }

  /** Returns the sum of these counts and {@code other}. */
  public SignalCounts plus(SignalCounts other) {
    return new SignalCounts(
        Math.addExact(successes, other.successes), Math.addExact(failures, other.failures));
  }

  private void requireSignals() {
    if (isEmpty()) {
      throw new IllegalStateException("no signals, so there is no rate; check isEmpty() first");
    }
  }
}
