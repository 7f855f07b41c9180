package dev.canarypy.server.release;

import dev.canarypy.server.product.Product;

/**
 * A snapshot of what a product serves: its stable release and its canary in flight, either of which
 * may be null.
 *
 * @param loadedAtNanos {@link System#nanoTime()} when the snapshot was read, for expiry only
 */
public record ProductReleases(
    Product product, Release stable, Release canary, long loadedAtNanos) {}
