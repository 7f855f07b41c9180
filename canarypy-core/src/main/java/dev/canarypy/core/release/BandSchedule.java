package dev.canarypy.core.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bands a canary steps through over its canary period.
 *
 * <p>Band k of n (k = 1..n) spans {@code [start + (k-1)·period/n, start + k·period/n)} and targets
 * a canary share of k/n. The bounds are computed on whole nanoseconds with integer arithmetic, so
 * an instant belongs to band k exactly when its offset from {@code start} lies in that real
 * interval: a boundary that is not a whole nanosecond is rounded up to the next one.
 *
 * @param start release date, when band 1 begins
 * @param period canary period, more than 0 and short enough to count in a {@code long} of nanos
 * @param bandCount number of bands, at least 1
 */
public record BandSchedule(Instant start, Duration period, int bandCount) {

  /**
   * Validates the schedule.
   *
   * @throws NullPointerException if {@code start} or {@code period} is null
   * @throws IllegalArgumentException if {@code period} is not positive or does not fit in a {@code
   *     long} of nanoseconds, or {@code bandCount} is less than 1
   */
  public BandSchedule {
    Objects.requireNonNull(start, "start is required");
    Objects.requireNonNull(period, "period is required");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be more than 0, got " + period);
    }
    try {
      period.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "period must fit in a long count of nanoseconds (about 292 years), got " + period, e);
    }
    if (bandCount < 1) {
      throw new IllegalArgumentException("bandCount must be at least 1, got " + bandCount);
    }
  }

  /** Creates the schedule of a canary that starts at {@code releaseDate} with these settings. */
  public static BandSchedule of(Instant releaseDate, CanarySettings settings) {
    return new BandSchedule(releaseDate, settings.canaryPeriod(), settings.bandCount());
  }

  /** Returns the end of the canary period, {@code start + period}. */
  public Instant end() {
    return start.plus(period);
  }

  /**
   * Returns the band that {@code now} falls in.
   *
   * <p>Before {@code start} this is band 0 with share 0 and phase {@link BandPhase#NOT_STARTED}. At
   * or after {@link #end()} it is band n with share 1 and phase {@link BandPhase#PERIOD_ENDED}.
   */
  public Band bandAt(Instant now) {
    Objects.requireNonNull(now, "now is required");
    if (now.isBefore(start)) {
      return new Band(0, bandCount, 0.0, start, start, BandPhase.NOT_STARTED);
    }
    if (!now.isBefore(end())) {
      return new Band(
          bandCount, bandCount, 1.0, boundary(bandCount - 1), end(), BandPhase.PERIOD_ENDED);
    }

    // now lies in [start, end), so the offset is less than the period and fits in a long.
    long offsetNanos = Duration.between(start, now).toNanos();
    int number = bandNumberAt(offsetNanos);
    return new Band(
        number,
        bandCount,
        (double) number / bandCount,
        boundary(number - 1),
        boundary(number),
        BandPhase.RUNNING);
  }

  /** Returns the first instant of band {@code k + 1}, which is also the end of band {@code k}. */
  public Instant boundary(int k) {
    if (k < 0 || k > bandCount) {
      throw new IllegalArgumentException(
          "boundary index must be between 0 and " + bandCount + ", got " + k);
    }
    return start.plusNanos(boundaryNanos(k));
  }

  /** Returns the band number whose interval contains an offset in {@code [0, period)}. */
  private int bandNumberAt(long offsetNanos) {
    // The floating-point estimate is off by at most one band, and the loops correct it exactly.
    int number = (int) Math.min(bandCount, (double) offsetNanos / period.toNanos() * bandCount + 1);
    number = Math.max(1, number);
    while (offsetNanos < boundaryNanos(number - 1)) {
      number--;
    }
    while (offsetNanos >= boundaryNanos(number)) {
      number++;
    }
    return number;
  }

  /** Returns ceil(k · period / n) in nanoseconds without overflowing a long. */
  private long boundaryNanos(int k) {
    long periodNanos = period.toNanos();
    long quotient = periodNanos / bandCount;
    long remainder = periodNanos % bandCount;
    // remainder < bandCount <= 2^31 and k <= 2^31, so the product fits in a long.
    return quotient * k + ceilDiv(remainder * k, bandCount);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
