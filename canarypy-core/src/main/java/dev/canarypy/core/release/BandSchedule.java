package dev.canarypy.core.release;

import java.time.Duration;
import java.time.Instant;

/** STUB: contract for the server. */
public record BandSchedule(Instant start, Duration period, int bandCount) {

  public Band bandAt(Instant now) {
    throw new UnsupportedOperationException();
  }

  public Instant end() {
    throw new UnsupportedOperationException();
  }
}
