package dev.canarypy.core.analysis;

/** STUB: contract for the server; the implementation may add numeric components. */
public record Analysis(
    Verdict verdict, SignalCounts canary, SignalCounts stable, long missingSignals, String reason) {}
