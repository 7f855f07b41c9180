package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of a canary's health analysis. */
public enum Verdict {
  /** The canary has enough signals and is healthy enough to be promoted. */
  @JsonProperty("pass")
  PASS,
  /** The canary is unhealthy with high confidence and is rolled back. */
  @JsonProperty("fail")
  FAIL,
  /** The signals so far decide neither way. */
  @JsonProperty("inconclusive")
  INCONCLUSIVE,
  /** A verdict that this client version does not know, sent by a newer server. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns the verdict as the server spells it, for example {@code inconclusive}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
