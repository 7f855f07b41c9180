package dev.canarypy.server.release;

import dev.canarypy.server.system.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the timestamps clients send; one without a zone is read as UTC. */
final class ReleaseDates {

  private ReleaseDates() {}

  /**
   * Parses an ISO-8601 timestamp, with or without zone, a {@code T} or a space between date and
   * time (Python's {@code str(datetime)} uses a space), or a bare date (midnight UTC).
   *
   * @throws InvalidRequestException naming {@code field} when the value is not a timestamp
   */
  static Instant parse(String field, String value) {
    String text = value.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      // Try the zone-less forms next.
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // Try a bare date last.
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDate) {
      throw new InvalidRequestException(
          field,
          "'"
              + value
              + "' is not an ISO-8601 timestamp; send for example 2026-12-04T12:00:00Z (a"
              + " timestamp without zone is read as UTC)");
    }
  }
}
