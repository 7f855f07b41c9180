package dev.canarypy.client;

import java.time.Instant;

/**
 * The band a canary is in. Band {@code number} of {@code bandCount} spans {@code [start, end)} and
 * targets {@code targetShare} of the executions.
 *
 * @param number the current band, from 1 to {@code bandCount}, or 0 before the canary starts
 * @param bandCount the number of bands in the canary period
 * @param targetShare the share of executions the canary should get, between 0 and 1
 * @param start the start of the band
 * @param end the end of the band
 * @param phase {@code not_started}, {@code running} or {@code period_ended}
 */
public record Band(
    int number, int bandCount, double targetShare, Instant start, Instant end, String phase) {}
