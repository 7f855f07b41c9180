package dev.canarypy.server.release;

import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductRepository;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.system.DatabaseOutageLog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's stable and canary in memory, so that {@code latest} neither scans signals
 * nor reads the database per request.
 *
 * <p>This replica drops a product's snapshot as soon as it changes the product's releases. Changes
 * made by another replica sharing the database show within the expiry time.
 */
@Component
public class ReleaseCache {

  private final ProductRepository products;
  private final ReleaseRepository releases;
  private final DatabaseOutageLog outageLog;
  private final long ttlNanos;
  private final Map<String, ProductReleases> byName = new ConcurrentHashMap<>();
  private final Map<UUID, ProductReleases> byProductId = new ConcurrentHashMap<>();

  public ReleaseCache(
      ProductRepository products,
      ReleaseRepository releases,
      DatabaseOutageLog outageLog,
      @Value("${canarypy.release-cache.ttl:1s}") Duration ttl) {
    this.products = products;
    this.releases = releases;
    this.outageLog = outageLog;
    this.ttlNanos = ttl.toNanos();
  }

  /**
   * Returns the releases of the product with this name or, failing that, this artifact URL.
   *
   * @throws dev.canarypy.server.system.NotFoundException when no product matches
   */
  public ProductReleases byName(String nameOrArtifactUrl) {
    ProductReleases cached = byName.get(nameOrArtifactUrl);
    if (fresh(cached)) {
      return cached;
    }
    Product product =
        products
            .findByNameOrArtifactUrl(nameOrArtifactUrl)
            .orElseThrow(() -> ProductService.unknownProduct(nameOrArtifactUrl));
    ProductReleases loaded = load(product);
    byName.put(nameOrArtifactUrl, loaded);
    return loaded;
  }

  /** Returns the releases of a product already looked up. */
  public ProductReleases byProduct(Product product) {
    ProductReleases cached = byProductId.get(product.id());
    if (fresh(cached)) {
      return cached;
    }
    return load(product);
  }

  /** Drops every snapshot of the product; call it after its releases changed. */
  public void invalidate(UUID productId) {
    byProductId.remove(productId);
    byName.values().removeIf(entry -> entry.product().id().equals(productId));
  }

  private ProductReleases load(Product product) {
    Optional<Release> stable = releases.findStable(product.id());
    Optional<Release> canary = releases.findInFlight(product.id());
    outageLog.succeeded();
    ProductReleases loaded =
        new ProductReleases(product, stable.orElse(null), canary.orElse(null), System.nanoTime());
    byProductId.put(product.id(), loaded);
    return loaded;
  }

  private boolean fresh(ProductReleases entry) {
    return entry != null && System.nanoTime() - entry.loadedAtNanos() < ttlNanos;
  }
}
