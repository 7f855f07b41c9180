package dev.canarypy.core.allocation;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Proportional choice between canary and stable for requests without an instance id.
 *
 * <p>One instance counts the answers of one band of one canary. The (m+1)-th answer is the canary
 * exactly when fewer than {@code round((m+1) × share)} of the first m answers were, so after m
 * answers the canary has been handed out {@code round(m × share)} times while the share stays the
 * same.
 *
 * <p>The class is thread-safe and lock-free: both counters live in one immutable pair that each
 * answer replaces with a compare-and-set, so concurrent answers never lose or double an update.
 */
public final class ProportionalAllocator {

  /** Counters of the answers so far; replaced as a whole so that both change together. */
  private record Tally(long answered, long canaryAnswers) {}

  private final AtomicReference<Tally> tally = new AtomicReference<>(new Tally(0, 0));

  /** Creates an allocator with no answers counted. */
  public ProportionalAllocator() {}

  /**
   * Counts one answer and returns true if it is the canary.
   *
   * @param share canary share of the band, between 0 and 1
   * @throws IllegalArgumentException if {@code share} is not between 0 and 1
   */
  public boolean nextIsCanary(double share) {
    requireShare(share);
    while (true) {
      Tally current = tally.get();
      long nextAnswer = current.answered() + 1;
      boolean canary = current.canaryAnswers() < Math.round(nextAnswer * share);
      Tally next = new Tally(nextAnswer, current.canaryAnswers() + (canary ? 1 : 0));
      if (tally.compareAndSet(current, next)) {
        return canary;
      }
    }
  }

  /** Returns the number of answers counted so far. */
  public long answered() {
    return tally.get().answered();
  }

  /** Returns the number of answers so far that were the canary. */
  public long canaryAnswers() {
    return tally.get().canaryAnswers();
  }

  static void requireShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
    }
  }
}
