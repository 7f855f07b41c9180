package dev.canarypy.core.release;

import java.time.Instant;

/**
 * The band of a canary's schedule that a moment falls in, and the canary share it targets.
 *
 * @param number band number from 1 to {@code bandCount}; 0 before the release date
 * @param bandCount number of bands in the schedule
 * @param targetShare share of executions the canary gets, {@code number / bandCount}
 * @param start first instant of the band (inclusive); for band 0, the release date
 * @param end first instant after the band (exclusive); for band 0, the release date
 * @param phase whether the canary has not started, is running or has reached the end of its period
 */
public record Band(
    int number, int bandCount, double targetShare, Instant start, Instant end, BandPhase phase) {

  /** Returns true if this is the last band of the schedule. */
  public boolean isFinal() {
    return number == bandCount;
  }
}
