package dev.canarypy.server.release;

import dev.canarypy.core.release.Band;
import java.time.Instant;
import java.util.Locale;

/**
 * The band a canary is in.
 *
 * @param number 1 to {@code bandCount}; 0 before the canary starts
 * @param targetShare the share of executions the canary gets, 0 to 1
 * @param phase not_started, running or period_ended
 */
public record BandResponse(
    int number, int bandCount, double targetShare, Instant start, Instant end, String phase) {

  static BandResponse of(Band band) {
    return new BandResponse(
        band.number(),
        band.bandCount(),
        band.targetShare(),
        band.start(),
        band.end(),
        band.phase().name().toLowerCase(Locale.ROOT));
  }
}
