package dev.canarypy.cli.release;

import static dev.canarypy.cli.Formats.number;
import static dev.canarypy.cli.Formats.percent;
import static dev.canarypy.cli.Formats.time;

import dev.canarypy.client.Analysis;
import dev.canarypy.client.Band;
import dev.canarypy.client.Release;
import dev.canarypy.client.SignalCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labelled lines that describe a release: status, band, counts and the verdict with its
 * numbers, enough for a person to decide on a canary without the dashboard.
 */
final class ReleaseView {

  private ReleaseView() {}

  static Map<String, String> describe(Release release) {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("Product", release.product().name());
    lines.put("Version", release.semverVersion());
    lines.put("Status", release.status().wireName() + (release.isActive() ? " (served)" : ""));
    // A release that was stable from the start never ran as a canary, so its canary settings
    // would only mislead.
    if (release.band() != null || release.analysis() != null) {
      lines.put(
          "Canary period",
          number(release.canaryPeriod())
              + (release.canaryPeriod() == 1 ? " day from " : " days from ")
              + time(release.releaseDate())
              + " in "
              + release.bandCount()
              + " bands");
      addBand(lines, release.band());
      lines.put(
          "Rules",
          "promote at "
              + number(release.threshold())
              + "% success after "
              + release.minSignals()
              + " signals; roll back if failures exceed the stable's by "
              + number(release.tolerance())
              + " points");
    }
    lines.put("Signals", counts(release.signals()));
    addAnalysis(lines, release.analysis());
    lines.put("Created", time(release.createdAt()));
    if (release.decidedAt() != null) {
      lines.put("Decided", time(release.decidedAt()));
    }
    return lines;
  }

  private static void addBand(Map<String, String> lines, Band band) {
    if (band == null) {
      return;
    }
    lines.put(
        "Band",
        band.number()
            + " of "
            + band.bandCount()
            + ", target share "
            + percent(band.targetShare())
            + (band.phase() == null ? "" : " (" + band.phase().replace('_', ' ') + ")"));
    lines.put("Band window", time(band.start()) + " to " + time(band.end()));
  }

  private static void addAnalysis(Map<String, String> lines, Analysis analysis) {
    if (analysis == null) {
      return;
    }
    lines.put("Canary signals", counts(analysis.canary()));
    lines.put("Stable signals", counts(analysis.stable()) + " in the same window");
    lines.put("Verdict", analysis.verdict().wireName());
    lines.put(
        "Success rate",
        "canary "
            + percent(analysis.canarySuccessRate())
            + ", upper bound "
            + percent(analysis.canarySuccessRateUpperBound()));
    lines.put(
        "Failure rate",
        "canary "
            + percent(analysis.canaryFailureRate())
            + ", stable "
            + percent(analysis.stableFailureRate())
            + ", difference lower bound "
            + percent(analysis.failureRateDifferenceLowerBound()));
    if (analysis.confidenceLevel() != null) {
      lines.put("Confidence", percent(analysis.confidenceLevel()));
    }
    lines.put("Missing signals", Long.toString(analysis.missingSignals()));
    for (Map.Entry<String, Object> other : analysis.otherFields().entrySet()) {
      lines.put(other.getKey(), String.valueOf(other.getValue()));
    }
    lines.put("Reason", analysis.reason());
  }

  private static String counts(SignalCounts counts) {
    if (counts == null) {
      return "-";
    }
    return plural(counts.successes(), "success", "successes")
        + ", "
        + plural(counts.failures(), "failure", "failures")
        + " ("
        + counts.total()
        + " total)";
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
