package dev.canarypy.core.lifecycle;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.release.Band;

/** STUB: contract for the server. */
public record Decision(DecisionType type, Analysis analysis, Band band, String reason) {}
