package dev.canarypy.server.signal;

import java.util.Locale;
import java.util.Optional;

/** The outcome of one execution. */
public enum SignalStatus {
  SUCCESS,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a status as clients send it: success, ok or succeeded; failed, failure or error; in any
   * letter case.
   *
   * @return empty for any other value
   */
  public static Optional<SignalStatus> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "success", "ok", "succeeded" -> Optional.of(SUCCESS);
      case "failed", "failure", "error" -> Optional.of(FAILED);
      default -> Optional.empty();
    };
  }
}
