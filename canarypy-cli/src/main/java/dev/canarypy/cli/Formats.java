package dev.canarypy.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Formats numbers and times the same way in every table. */
public final class Formats {

  private Formats() {}

  /** Formats a number without a trailing {@code .0}: {@code 2}, {@code 0.5}, {@code 80}. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * Formats a fraction from 0 to 1 as a percentage with one decimal: {@code 0.4} as {@code 40.0%}.
   */
  public static String percent(Double fraction) {
    if (fraction == null) {
      return "-";
    }
    return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** Formats a time in UTC to the second, such as {@code 2025-03-02T09:36:00Z}. */
  public static String time(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
