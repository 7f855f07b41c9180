package dev.canarypy.core.lifecycle;

/** STUB: contract for the server. */
public enum DecisionType {
  NONE,
  PROMOTE,
  ROLL_BACK,
  SUPERSEDE,
  PAUSE
}
