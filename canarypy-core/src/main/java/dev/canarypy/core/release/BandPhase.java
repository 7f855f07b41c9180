package dev.canarypy.core.release;

/** Where a moment falls relative to a canary's band schedule. */
public enum BandPhase {
  /** Before the release date: the canary gets no executions yet. */
  NOT_STARTED,
  /** Inside one of the bands. */
  RUNNING,
  /** At or after the end of the canary period: the canary stays at the final band's share. */
  PERIOD_ENDED
}
