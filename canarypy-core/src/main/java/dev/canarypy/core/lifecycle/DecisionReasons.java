package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.analysis.Verdict;
import dev.canarypy.core.release.Band;
import dev.canarypy.core.release.BandPhase;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/** Writes the one-sentence reason of each lifecycle decision, with its numbers and times. */
final class DecisionReasons {
  private DecisionReasons() {}

  static String notCanary(ReleaseStatus status) {
    if (status == ReleaseStatus.PAUSED) {
      return "The canary is paused, so no automatic decision is made until a person resumes it.";
    }
    return "No automatic decision is made because the release is "
        + status.wireName()
        + ", and only a release in status canary gets one.";
  }

  static String notInFlight(ReleaseStatus status) {
    return "Nothing is settled because the release is "
        + status.wireName()
        + ", and only a canary or paused canary is settled when a new release arrives.";
  }

  /** Explains why a canary whose period has not ended keeps its current band. */
  static String waiting(Analysis analysis, Band band, Instant periodEnd) {
    if (band.phase() == BandPhase.NOT_STARTED) {
      return String.format(
          Locale.ROOT,
          "The canary gets no executions before its release date %s, and its analysis %s (%s).",
          band.end(),
          verdictPhrase(analysis.verdict()),
          counts(analysis.canary()));
    }
    String verdictClause =
        analysis.verdict() == Verdict.PASS
            ? "The analysis passes, but a canary is promoted only when its period ends"
            : "The analysis is inconclusive";
    return String.format(
        Locale.ROOT,
        "%s, so the canary stays at band %d of %d (%s of executions) until its period ends at %s"
            + " (%s).",
        verdictClause,
        band.number(),
        band.bandCount(),
        percent(band.targetShare()),
        periodEnd,
        counts(analysis.canary()));
  }

  static String promoted(Analysis analysis, CanarySettings settings, Instant periodEnd) {
    return String.format(
        Locale.ROOT,
        "The canary period of %s days ended at %s and the analysis passes (%s), so the canary is"
            + " promoted.",
        number(settings.canaryPeriodDays()),
        periodEnd,
        counts(analysis.canary()));
  }

  static String inconclusiveAfterPeriod(Analysis analysis, Instant periodEnd, Instant pauseAt) {
    return String.format(
        Locale.ROOT,
        "The canary period ended at %s but the analysis is still inconclusive (%s), so the canary"
            + " stays at the final band until it can be decided, or is paused at %s.",
        periodEnd,
        counts(analysis.canary()),
        pauseAt);
  }

  static String paused(Analysis analysis, CanarySettings settings, Instant periodEnd) {
    return String.format(
        Locale.ROOT,
        "The analysis is still inconclusive one more canary period (%s days) after the period"
            + " ended at %s (%s), so the canary is paused for a person to decide.",
        number(settings.canaryPeriodDays()),
        periodEnd,
        counts(analysis.canary()));
  }

  static String promotedForNewRelease(Analysis analysis) {
    return String.format(
        Locale.ROOT,
        "A new release arrived while the canary's analysis passes (%s), so the canary is"
            + " promoted.",
        counts(analysis.canary()));
  }

  static String superseded(Analysis analysis) {
    return String.format(
        Locale.ROOT,
        "A new release arrived while the canary's analysis %s (%s), so the canary is"
            + " superseded.",
        verdictPhrase(analysis.verdict()),
        counts(analysis.canary()));
  }

  /** Returns the verb phrase of a verdict: "passes", "fails" or "is inconclusive". */
  private static String verdictPhrase(Verdict verdict) {
    switch (verdict) {
      case PASS:
        return "passes";
      case FAIL:
        return "fails";
      default:
        return "is inconclusive";
    }
  }

  /** Describes canary counts, such as "48 of 50 canary runs succeeded". */
  private static String counts(SignalCounts canary) {
    return canary.successes() + " of " + canary.total() + " canary runs succeeded";
  }

  /** Formats a share between 0 and 1 as a percentage with at most one decimal, such as 33.3%. */
  private static String percent(double share) {
    return number(BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).doubleValue())
        + "%";
  }

  /** Formats a number with at most six significant digits and no trailing zeros. */
  private static String number(double value) {
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
