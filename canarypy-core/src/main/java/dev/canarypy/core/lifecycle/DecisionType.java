package dev.canarypy.core.lifecycle;

/** What the lifecycle engine decides to do with a release. */
public enum DecisionType {
  /** Leave the release as it is. */
  NONE,
  /** Make the canary the stable release. */
  PROMOTE,
  /** Stop serving the canary because its analysis fails. */
  ROLL_BACK,
  /** Stop serving the canary because a newer release replaces it before it passed. */
  SUPERSEDE,
  /** Keep the canary's share but stop automatic decisions until a person decides. */
  PAUSE
}
