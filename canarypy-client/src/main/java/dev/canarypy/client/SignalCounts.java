package dev.canarypy.client;

/**
 * Success and failure counts of one release's signals.
 *
 * @param successes the number of signals with status {@code success}
 * @param failures the number of signals with status {@code failed}
 */
public record SignalCounts(long successes, long failures) {

  /** A count with no signals at all. */
  public static final SignalCounts NONE = new SignalCounts(0, 0);

  /** Returns the number of signals of either status. */
  public long total() {
    return successes + failures;
  }
}
