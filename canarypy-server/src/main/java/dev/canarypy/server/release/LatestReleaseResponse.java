package dev.canarypy.server.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.canarypy.server.product.Product;
import java.util.UUID;

/**
 * The reply of {@code GET /release/{product_name}/latest}: the original's {@code id}, {@code
 * semver_version} and {@code product}, plus whether the answer is the canary.
 *
 * @param band the canary's band when a canary is in flight, otherwise null
 * @param targetShare the canary's target share when a canary is in flight, otherwise null
 */
public record LatestReleaseResponse(
    UUID id,
    String semverVersion,
    Product product,
    String status,
    @JsonProperty("is_canary") boolean isCanary,
    Integer band,
    Double targetShare) {}
