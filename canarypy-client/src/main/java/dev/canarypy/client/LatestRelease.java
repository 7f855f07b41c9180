package dev.canarypy.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The version of a product that an execution should run now: the stable release, or the release
 * under canary when this execution falls into the canary's share.
 *
 * @param id the release's UUID
 * @param semverVersion the version to run
 * @param product the product the release belongs to
 * @param status the release's lifecycle status, or null if the server did not send it
 * @param isCanary whether the version is the canary, so the execution should report its outcome
 * @param band the canary's current band when a canary is in flight, otherwise null
 * @param targetShare the canary's target share from 0 to 1 when a canary is in flight, otherwise
 *     null
 */
public record LatestRelease(
    String id,
    String semverVersion,
    Product product,
    ReleaseStatus status,
    @JsonProperty("is_canary") boolean isCanary,
    Integer band,
    Double targetShare) {}
