package dev.canarypy.core.release;

/** STUB: contract for the server. */
public enum BandPhase {
  NOT_STARTED,
  RUNNING,
  PERIOD_ENDED
}
