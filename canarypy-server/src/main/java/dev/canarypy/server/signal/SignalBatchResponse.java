package dev.canarypy.server.signal;

/**
 * The reply of {@code POST /signals}.
 *
 * @param accepted how many signals were stored; all of the batch, or none on an error
 */
public record SignalBatchResponse(int accepted) {}
