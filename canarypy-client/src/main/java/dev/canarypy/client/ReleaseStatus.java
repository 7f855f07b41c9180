package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The lifecycle status of a release, as the server names it on the wire. */
public enum ReleaseStatus {
  /** Under canary: the server hands it to a growing share of executions. */
  @JsonProperty("canary")
  CANARY,
  /** The version that every execution outside the canary runs. */
  @JsonProperty("stable")
  STABLE,
  /** A canary that a newer release settled before it was promoted; it is never served again. */
  @JsonProperty("superseded")
  SUPERSEDED,
  /** A canary that failed its analysis or that a person rolled back. */
  @JsonProperty("rolled_back")
  ROLLED_BACK,
  /** A canary that keeps its current share while automatic decisions are stopped. */
  @JsonProperty("paused")
  PAUSED,
  /** A former stable release that a newer stable release replaced. */
  @JsonProperty("inactive")
  INACTIVE,
  /** A status that this client version does not know, sent by a newer server. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns the status as the server spells it, for example {@code rolled_back}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
