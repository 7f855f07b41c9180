package dev.canarypy.core.analysis;

import java.util.Locale;

/** Outcome of a canary's health analysis; the wire name is the lower-case constant name. */
public enum Verdict {
  /** Enough signals, a success rate at the threshold or above, and no failure shown. */
  PASS,
  /** The canary is shown, with the analysis's confidence, to be worse than allowed. */
  FAIL,
  /** Neither pass nor fail yet: more signals are needed. */
  INCONCLUSIVE;

  /** Returns the name used in the REST API, such as {@code inconclusive}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
