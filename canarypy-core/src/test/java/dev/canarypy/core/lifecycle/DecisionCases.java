package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.analysis.Verdict;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shared table of automatic lifecycle decisions, {@value #RESOURCE}, which the engine's tests
 * and the server's API tests both run.
 *
 * <p>Each line after the header is one case: name, canary successes, canary failures, stable
 * successes, stable failures, hours since the release date, canary period in days, band count,
 * expected decision and expected verdict. Lines starting with {@code #} and blank lines are
 * ignored. The other settings are the defaults, and the release is in status canary.
 */
public final class DecisionCases {
  /** Class-path location of the table. */
  public static final String RESOURCE = "/dev/canarypy/core/lifecycle/decision-cases.csv";

  private static final int COLUMN_COUNT = 10;
  private static final double NANOS_PER_HOUR = Duration.ofHours(1).toNanos();

  private DecisionCases() {}

  /**
   * One row of the table.
   *
   * @param name short description, unique in the table
   * @param canary the canary's counts
   * @param stable the stable's counts over the same window
   * @param hoursSinceReleaseDate time of the evaluation, in hours after the release date
   * @param canaryPeriodDays the canary period in days
   * @param bandCount the number of bands
   * @param expectedDecision the decision {@link LifecycleEngine#evaluate} must return
   * @param expectedVerdict the verdict of the analysis in that decision
   */
  public record DecisionCase(
      String name,
      SignalCounts canary,
      SignalCounts stable,
      double hoursSinceReleaseDate,
      double canaryPeriodDays,
      int bandCount,
      DecisionType expectedDecision,
      Verdict expectedVerdict) {

    /** Returns the default settings with this case's canary period and band count. */
    public CanarySettings settings() {
      CanarySettings defaults = CanarySettings.defaults();
      return new CanarySettings(
          CanarySettings.periodOfDays(canaryPeriodDays),
          bandCount,
          defaults.thresholdPercent(),
          defaults.minSignals(),
          defaults.tolerancePoints());
    }

    /** Returns the time of the evaluation for a canary released at {@code releaseDate}. */
    public Instant evaluatedAt(Instant releaseDate) {
      return releaseDate.plusNanos(Math.round(hoursSinceReleaseDate * NANOS_PER_HOUR));
    }

    /** Returns the state of a release in status canary with this case's counts and settings. */
    public CanaryState state(UUID releaseId, Instant releaseDate) {
      return new CanaryState(
          releaseId, ReleaseStatus.CANARY, releaseDate, settings(), canary, stable);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Reads the table from the class path.
   *
   * @throws IllegalStateException if the table is missing or a line is malformed
   */
  public static List<DecisionCase> load() {
    try (InputStream stream = DecisionCases.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException(
            "decision cases not found on the class path at "
                + RESOURCE
                + ". Add the canarypy-core test-jar as a test dependency.");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      return parse(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + RESOURCE, e);
    }
  }

  /** Parses the lines of the table, skipping comments, blank lines and the header. */
  static List<DecisionCase> parse(List<String> lines) {
    List<DecisionCase> cases = new ArrayList<>();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      cases.add(parseLine(line, i + 1));
    }
    return cases;
  }

  private static DecisionCase parseLine(String line, int lineNumber) {
    String[] fields = line.split(",", -1);
    if (fields.length != COLUMN_COUNT) {
      throw new IllegalStateException(
          RESOURCE
              + " line "
              + lineNumber
              + " has "
              + fields.length
              + " columns, expected "
              + COLUMN_COUNT
              + ": "
              + line);
    }
    try {
      return new DecisionCase(
          fields[0].strip(),
          new SignalCounts(Long.parseLong(fields[1].strip()), Long.parseLong(fields[2].strip())),
          new SignalCounts(Long.parseLong(fields[3].strip()), Long.parseLong(fields[4].strip())),
          Double.parseDouble(fields[5].strip()),
          Double.parseDouble(fields[6].strip()),
          Integer.parseInt(fields[7].strip()),
          DecisionType.valueOf(fields[8].strip()),
          Verdict.valueOf(fields[9].strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          RESOURCE + " line " + lineNumber + " is invalid (" + e.getMessage() + "): " + line, e);
    }
  }
}
