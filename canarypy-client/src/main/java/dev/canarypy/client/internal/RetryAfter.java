package dev.canarypy.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the {@code Retry-After} header, which contains either seconds or an HTTP date. */
final class RetryAfter {

  private RetryAfter() {}

  /** Returns the delay the header requests, or zero when it is absent or unreadable. */
  static Duration parse(Optional<String> header) {
    if (header.isEmpty()) {
      return Duration.ZERO;
    }
    String value = header.get().trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant until =
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(Instant.now(), until);
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException notDate) {
        return Duration.ZERO;
      }
    }
  }
}
