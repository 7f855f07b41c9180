package dev.canarypy.core.release;

import java.util.Locale;

/** Lifecycle state of a release; the wire name is the lower-case constant name. */
public enum ReleaseStatus {
  CANARY,
  STABLE,
  SUPERSEDED,
  ROLLED_BACK,
  PAUSED,
  INACTIVE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReleaseStatus fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
