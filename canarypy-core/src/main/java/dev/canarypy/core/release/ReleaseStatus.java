package dev.canarypy.core.release;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Lifecycle state of a release; the wire name is the lower-case constant name. */
public enum ReleaseStatus {
  /** Under canary: gets a growing share of the executions while its signals are analysed. */
  CANARY,
  /** The release that executions run unless a canary is chosen; one per product. */
  STABLE,
  /** A canary that a newer release settled without promoting it; never served again. */
  SUPERSEDED,
  /** A canary that failed its analysis or that a person rolled back; never served again. */
  ROLLED_BACK,
  /** A canary that keeps its current share while automatic decisions are stopped. */
  PAUSED,
  /**
   * A release no longer served and no longer analysed, such as a stable that a newer one replaced.
   */
  INACTIVE;

  /** Returns the name used in the REST API and the database, such as {@code rolled_back}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name, ignoring case.
   *
   * @throws IllegalArgumentException if {@code value} names no status
   */
  public static ReleaseStatus fromWireName(String value) {
    Objects.requireNonNull(value, "release status is required");
    for (ReleaseStatus status : values()) {
      if (status.wireName().equalsIgnoreCase(value)) {
        return status;
      }
    }
    String expected =
        Arrays.stream(values()).map(ReleaseStatus::wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "invalid release status '" + value + "', expected one of: " + expected);
  }
}
