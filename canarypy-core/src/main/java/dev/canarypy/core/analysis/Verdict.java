package dev.canarypy.core.analysis;

import java.util.Locale;

/** STUB: contract for the server. */
public enum Verdict {
  PASS,
  FAIL,
  INCONCLUSIVE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
