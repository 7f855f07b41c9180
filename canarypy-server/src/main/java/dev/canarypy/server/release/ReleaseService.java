package dev.canarypy.server.release;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.core.lifecycle.LifecycleEngine;
import dev.canarypy.core.release.CanarySettings;
import dev.canarypy.core.release.ReleaseStatus;
import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductRepository;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.system.ConflictException;
import dev.canarypy.server.system.InvalidRequestException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.RequestValidator;
import dev.canarypy.server.system.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/** Creates releases, reads them, and carries out the manual promote, rollback, pause and resume. */
@Service
public class ReleaseService {

  /** Versions that would collide with the fixed paths under {@code /release/{product_name}/}. */
  private static final Set<String> RESERVED_VERSIONS = Set.of("latest", "stable");

  private final ProductService productService;
  private final ProductRepository products;
  private final ReleaseRepository releases;
  private final ReleaseEventRepository events;
  private final ReleaseLifecycle lifecycle;
  private final ReleaseCache cache;
  private final RequestValidator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ReleaseService(
      ProductService productService,
      ProductRepository products,
      ReleaseRepository releases,
      ReleaseEventRepository events,
      ReleaseLifecycle lifecycle,
      ReleaseCache cache,
      RequestValidator validator,
      TransactionTemplate transaction,
      Clock clock) {
    this.productService = productService;
    this.products = products;
    this.releases = releases;
    this.events = events;
    this.lifecycle = lifecycle;
    this.cache = cache;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Creates a release. The product's first release, and one created with {@code is_canary} false,
   * is stable at once; any other starts a canary against the stable. A canary already in flight is
   * settled first.
   */
  public ReleaseResponse create(CreateReleaseRequest request) {
    validator.validate(request);
    String version = request.semverVersion().trim();
    if (RESERVED_VERSIONS.contains(version)) {
      throw new InvalidRequestException(
          "semver_version",
          "'" + version + "' is reserved for the /latest and /stable paths; choose another tag");
    }
    Instant releaseDate =
        request.releaseDate() == null
            ? clock.instant()
            : Timestamps.parse("release_date", request.releaseDate());
    CanarySettings settings = settingsOf(request);
    boolean isCanary = request.isCanary() == null || request.isCanary();
    Product product = productService.getByArtifactUrl(request.artifactUrl().trim());

    Release created;
    try {
      created =
          transaction.execute(
              status -> insertRelease(product, version, releaseDate, settings, isCanary));
    } catch (DuplicateKeyException concurrentInsert) {
      throw duplicate(product, version);
    } finally {
      cache.invalidate(product.id());
    }
    return toResponse(created, product);
  }

  private Release insertRelease(
      Product product,
      String version,
      Instant releaseDate,
      CanarySettings settings,
      boolean isCanary) {
    products.lock(product.id());
    if (releases.findByVersion(product.id(), version).isPresent()) {
      throw duplicate(product, version);
    }
    releases
        .findInFlight(product.id())
        .ifPresent(canary -> lifecycle.settleBeforeNewRelease(canary, version));

    Optional<Release> stable = releases.findStable(product.id());
    ReleaseStatus status = LifecycleEngine.initialStatus(stable.isPresent(), isCanary);
    Instant now = clock.instant();
    boolean canary = status == ReleaseStatus.CANARY;
    Release release =
        new Release(
            UUID.randomUUID(),
            product.id(),
            version,
            status,
            releaseDate,
            settings,
            SignalCounts.NONE,
            canary ? stable.get().id() : null,
            canary ? releases.counts(stable.get().id()) : null,
            null,
            null,
            now,
            canary ? null : now);
    if (!canary && stable.isPresent()) {
      releases.updateStatus(stable.get().id(), ReleaseStatus.STABLE, ReleaseStatus.INACTIVE, now);
      lifecycle.record(
          stable.get(),
          "replaced",
          ReleaseStatus.INACTIVE,
          ReleaseLifecycle.AUTO,
          "Replaced by a full rollout of " + version + ".",
          null);
    }
    releases.insert(release);
    lifecycle.recordCreated(release, createdReason(status, stable.isPresent(), isCanary));
    return release;
  }

  private static String createdReason(ReleaseStatus status, boolean hadStable, boolean isCanary) {
    if (status == ReleaseStatus.CANARY) {
      return "Started as a canary against the stable release.";
    }
    if (!hadStable) {
      return "The product's first release is stable at once: there is nothing to compare against.";
    }
    return isCanary ? "Created as stable." : "Created with is_canary false: a full rollout.";
  }

  private static CanarySettings settingsOf(CreateReleaseRequest request) {
    try {
      return new CanarySettings(
          CanarySettings.periodOfDays(
              request.canaryPeriod() == null
                  ? CanarySettings.DEFAULT_CANARY_PERIOD_DAYS
                  : request.canaryPeriod()),
          request.bandCount() == null ? CanarySettings.DEFAULT_BAND_COUNT : request.bandCount(),
          request.threshold() == null
              ? CanarySettings.DEFAULT_THRESHOLD_PERCENT
              : request.threshold(),
          request.minSignals() == null ? CanarySettings.DEFAULT_MIN_SIGNALS : request.minSignals(),
          request.tolerance() == null
              ? CanarySettings.DEFAULT_TOLERANCE_POINTS
              : request.tolerance());
    } catch (IllegalArgumentException invalid) {
      // The core's messages start with the field's wire name, e.g. "canary_period must be ...".
      String message = invalid.getMessage();
      int space = message.indexOf(' ');
      if (space <= 0) {
        throw new InvalidRequestException("body", message);
      }
      throw new InvalidRequestException(message.substring(0, space), message.substring(space + 1));
    }
  }

  private static ConflictException duplicate(Product product, String version) {
    return new ConflictException(
        "Product '"
            + product.name()
            + "' already has a release "
            + version
            + "; versions are unique per product, so choose a new one.");
  }

  public List<ReleaseResponse> list(String productName) {
    Product product = productService.getByName(productName);
    return releases.findByProduct(product.id()).stream()
        .map(release -> toResponse(release, product))
        .toList();
  }

  public ReleaseResponse get(String productName, String version) {
    Product product = productService.getByName(productName);
    return toResponse(find(product, version), product);
  }

  public ReleaseResponse stable(String productName) {
    Product product = productService.getByName(productName);
    Release stable =
        releases
            .findStable(product.id())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Product '" + product.name() + "' has no stable release yet."));
    return toResponse(stable, product);
  }

  public List<ReleaseEvent> events(String productName, String version) {
    Product product = productService.getByName(productName);
    return events.findByRelease(find(product, version).id());
  }

  Release find(Product product, String version) {
    return releases
        .findByVersion(product.id(), version)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Product '"
                        + product.name()
                        + "' has no release "
                        + version
                        + "; list its releases with GET /release/"
                        + UriUtils.encodePathSegment(product.name(), StandardCharsets.UTF_8)
                        + "."));
  }

  /** Builds the API view of a release with its current band and analysis. */
  ReleaseResponse toResponse(Release release, Product product) {
    Instant now = clock.instant();
    Analysis analysis = lifecycle.analyze(release);
    return new ReleaseResponse(
        release.id(),
        release.semverVersion(),
        product,
        release.status().wireName(),
        release.inFlight(),
        release.inFlight() || release.status() == ReleaseStatus.STABLE,
        release.releaseDate(),
        release.settings().canaryPeriodDays(),
        release.settings().bandCount(),
        release.settings().thresholdPercent(),
        release.settings().minSignals(),
        release.settings().tolerancePoints(),
        release.createdAt(),
        release.decidedAt(),
        release.inFlight() ? BandResponse.of(release.bandAt(now)) : null,
        release.counts(),
        analysis);
  }
}
