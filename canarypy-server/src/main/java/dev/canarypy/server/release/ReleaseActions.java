package dev.canarypy.server.release;

import dev.canarypy.core.analysis.Analysis;
import dev.canarypy.core.lifecycle.DecisionType;
import dev.canarypy.core.release.ReleaseStatus;
import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductRepository;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.system.ConflictException;
import dev.canarypy.server.system.RequestValidator;
import dev.canarypy.server.token.AuthenticatedToken;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The manual promote, rollback, pause and resume that people request. */
@Service
public class ReleaseActions {

  /** The actor recorded when the request names none. */
  static final String DEFAULT_ACTOR = "api";

  private final ProductService productService;
  private final ProductRepository products;
  private final ReleaseRepository releases;
  private final ReleaseService releaseService;
  private final ReleaseLifecycle lifecycle;
  private final ReleaseCache cache;
  private final RequestValidator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ReleaseActions(
      ProductService productService,
      ProductRepository products,
      ReleaseRepository releases,
      ReleaseService releaseService,
      ReleaseLifecycle lifecycle,
      ReleaseCache cache,
      RequestValidator validator,
      TransactionTemplate transaction,
      Clock clock) {
    this.productService = productService;
    this.products = products;
    this.releases = releases;
    this.releaseService = releaseService;
    this.lifecycle = lifecycle;
    this.cache = cache;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The manual actions and the statuses each may start from. */
  public enum Action {
    PROMOTE,
    ROLLBACK,
    PAUSE,
    RESUME;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Carries out a manual action on a release.
   *
   * @throws ConflictException when the release's status does not allow the action
   */
  public ReleaseResponse perform(
      String productName, String version, Action action, ReleaseActionRequest request) {
    ReleaseActionRequest body = request == null ? ReleaseActionRequest.NONE : request;
    validator.validate(body);
    String actor = actor(body);
    Product product = productService.getByName(productName);
    Release target = releaseService.find(product, version);

    try {
      transaction.executeWithoutResult(
          status -> {
            products.lock(product.id());
            Release current = releases.findById(target.id()).orElseThrow();
            String reason =
                body.reason() == null || body.reason().isBlank()
                    ? "Requested by " + actor + "."
                    : body.reason();
            carryOut(product, current, action, actor, reason);
          });
    } finally {
      cache.invalidate(product.id());
    }
    return releaseService.toResponse(releases.findById(target.id()).orElseThrow(), product);
  }

  /**
   * Returns who acts: the name of the request's API token, so that the audit trail shows the token
   * whatever the body claims, else the body's actor, else {@value #DEFAULT_ACTOR}.
   */
  private static String actor(ReleaseActionRequest body) {
    return AuthenticatedToken.current()
        .map(AuthenticatedToken::name)
        .orElseGet(
            () -> body.actor() == null || body.actor().isBlank() ? DEFAULT_ACTOR : body.actor());
  }

  private void carryOut(
      Product product, Release release, Action action, String actor, String reason) {
    Analysis analysis = lifecycle.analyze(release);
    switch (action) {
      case PROMOTE -> {
        requireInFlight(product, release, action);
        lifecycle.apply(release, DecisionType.PROMOTE, analysis, actor, reason);
      }
      case ROLLBACK -> {
        if (release.status() == ReleaseStatus.STABLE) {
          rollBackStable(product, release, actor, reason);
          return;
        }
        requireInFlight(product, release, action);
        lifecycle.apply(release, DecisionType.ROLL_BACK, analysis, actor, reason);
      }
      case PAUSE -> {
        requireStatus(product, release, action, ReleaseStatus.CANARY);
        lifecycle.apply(release, DecisionType.PAUSE, analysis, actor, reason);
      }
      case RESUME -> {
        requireStatus(product, release, action, ReleaseStatus.PAUSED);
        releases.updateStatus(release.id(), ReleaseStatus.PAUSED, ReleaseStatus.CANARY, null);
        lifecycle.recordManual(release, "resumed", ReleaseStatus.CANARY, actor, reason, analysis);
      }
    }
  }

  /** Rolls a stable release back to the release that was stable before it. */
  private void rollBackStable(Product product, Release stable, String actor, String reason) {
    if (releases.findInFlight(product.id()).isPresent()) {
      throw new ConflictException(
          "Product '"
              + product.name()
              + "' has a canary in flight; promote or roll back the canary before rolling back"
              + " the stable release "
              + stable.semverVersion()
              + ".");
    }
    Release previous =
        releases
            .findPreviousStable(product.id())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Release "
                            + stable.semverVersion()
                            + " of '"
                            + product.name()
                            + "' is the only stable release it has had, so there is nothing to"
                            + " roll back to; create a new release instead."));
    releases.updateStatus(
        stable.id(), ReleaseStatus.STABLE, ReleaseStatus.ROLLED_BACK, clock.instant());
    lifecycle.recordManual(stable, "rolled_back", ReleaseStatus.ROLLED_BACK, actor, reason, null);
    releases.updateStatus(
        previous.id(), ReleaseStatus.INACTIVE, ReleaseStatus.STABLE, clock.instant());
    lifecycle.recordManual(
        previous,
        "restored",
        ReleaseStatus.STABLE,
        actor,
        "Stable again after " + stable.semverVersion() + " was rolled back. " + reason,
        null);
  }

  private static void requireInFlight(Product product, Release release, Action action) {
    if (!release.inFlight()) {
      throw notAllowed(product, release, action, "a canary or paused release");
    }
  }

  private static void requireStatus(
      Product product, Release release, Action action, ReleaseStatus required) {
    if (release.status() != required) {
      throw notAllowed(product, release, action, "a " + required.wireName() + " release");
    }
  }

  private static ConflictException notAllowed(
      Product product, Release release, Action action, String allowed) {
    return new ConflictException(
        "Release "
            + release.semverVersion()
            + " of '"
            + product.name()
            + "' is "
            + release.status().wireName()
            + "; "
            + action.wireName()
            + " applies only to "
            + allowed
            + ".");
  }
}
