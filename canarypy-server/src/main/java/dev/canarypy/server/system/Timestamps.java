package dev.canarypy.server.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the timestamps clients send in bodies and query parameters; one without a zone is UTC. */
public final class Timestamps {

  private Timestamps() {}

  /**
   * Parses an ISO-8601 timestamp with or without zone, with a {@code T} or a space between date and
   * time, or a bare date (midnight UTC). A space later in the value is read as {@code +}, because
   * an offset such as {@code +02:00} sent unencoded in a query string arrives as a space.
   *
   * @throws InvalidRequestException naming {@code parameter} when the value is not a timestamp
   */
  public static Instant parse(String parameter, String value) {
    String text = value.trim();
    if (text.length() > 10 && text.charAt(10) == ' ') {
      text = text.substring(0, 10) + 'T' + text.substring(11);
    }
    text = text.replace(' ', '+');
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
          parameter,
          "'"
              + value
              + "' is not an ISO-8601 timestamp; send for example 2026-12-04T12:00:00Z (a"
              + " timestamp without zone is read as UTC)");
    }
  }
}
