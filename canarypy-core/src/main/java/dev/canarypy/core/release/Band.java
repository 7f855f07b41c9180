package dev.canarypy.core.release;

import java.time.Instant;

/** STUB: contract for the server. */
public record Band(
    int number, int bandCount, double targetShare, Instant start, Instant end, BandPhase phase) {}
