package dev.canarypy.core.analysis;

/** STUB: contract for the server. */
public record SignalCounts(long successes, long failures) {
  public static final SignalCounts NONE = new SignalCounts(0, 0);

  public long total() {
    return successes + failures;
  }
}
