package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.release.Band;
import java.util.Objects;

/**
 * The lifecycle engine's decision for one release, with what it was based on.
 *
 * @param type what to do with the release, or {@link DecisionType#NONE} to leave it as it is
 * @param analysis the health analysis at the moment of the decision
 * @param band the band the release was in at that moment
 * @param reason one sentence, with the numbers, saying why; suited to the release event log
 */
public record Decision(DecisionType type, Analysis analysis, Band band, String reason) {

  /** Rejects missing fields, naming the one that is missing. */
  public Decision {
    Objects.requireNonNull(type, "type is required");
    Objects.requireNonNull(analysis, "analysis is required");
    Objects.requireNonNull(band, "band is required");
    Objects.requireNonNull(reason, "reason is required");
  }
}
