package dev.canarypy.server.signal;

import dev.canarypy.server.dashboard.SignalHourlyCounts;
import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.release.ProductReleases;
import dev.canarypy.server.release.Release;
import dev.canarypy.server.release.ReleaseCache;
import dev.canarypy.server.release.ReleaseLifecycle;
import dev.canarypy.server.release.ReleaseRepository;
import dev.canarypy.server.system.FieldProblem;
import dev.canarypy.server.system.InvalidRequestException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records signals: stamps each with whether it came from the canary and the canary's band, stores
 * it with the release's counters in one transaction, then evaluates the canary so a failing one is
 * rolled back as soon as the analysis fails.
 */
@Service
public class SignalService {

  /** The largest batch {@code POST /signals} takes. */
  public static final int MAX_BATCH = 10_000;

  private static final int MAX_LIST_LIMIT = 1_000;
  private static final Logger log = LoggerFactory.getLogger(SignalService.class);

  private final ProductService productService;
  private final ReleaseRepository releases;
  private final SignalRepository signals;
  private final SignalHourlyCounts hourlyCounts;
  private final ReleaseCache cache;
  private final ReleaseLifecycle lifecycle;
  private final RequestValidator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MeterRegistry meters;

  public SignalService(
      ProductService productService,
      ReleaseRepository releases,
      SignalRepository signals,
      SignalHourlyCounts hourlyCounts,
      ReleaseCache cache,
      ReleaseLifecycle lifecycle,
      RequestValidator validator,
      TransactionTemplate transaction,
      Clock clock,
      MeterRegistry meters) {
    this.productService = productService;
    this.releases = releases;
    this.signals = signals;
    this.hourlyCounts = hourlyCounts;
    this.cache = cache;
    this.lifecycle = lifecycle;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
    this.meters = meters;
  }

  /** Records one signal; it is committed before this returns. */
  public Signal record(SignalRequest request) {
    validator.validate(request);
    SignalStatus status = parseStatus(request.status(), "status");
    Resolver resolver = new Resolver();
    Signal signal = resolver.stamp(request, status, clock.instant());
    storeAndEvaluate(List.of(signal), resolver);
    return signal;
  }

  /** Records a batch of signals in one transaction: all are stored, or none when any is invalid. */
  public SignalBatchResponse recordAll(List<SignalRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw new InvalidRequestException(
          "body", "must be a JSON array of one or more signals, as POST /signal takes them");
    }
    if (requests.size() > MAX_BATCH) {
      throw new InvalidRequestException(
          "body",
          "holds "
              + requests.size()
              + " signals; send at most "
              + MAX_BATCH
              + " per request and split larger batches");
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String prefix = "[" + i + "]";
      problems.addAll(validator.problems(requests.get(i), prefix));
      SignalRequest request = requests.get(i);
      if (request != null
          && request.status() != null
          && !request.status().isBlank()
          && SignalStatus.parse(request.status()).isEmpty()) {
        problems.add(new FieldProblem(prefix + ".status", statusMessage(request.status())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }

    Resolver resolver = new Resolver();
    Instant now = clock.instant();
    List<Signal> stamped = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      SignalRequest request = requests.get(i);
      try {
        stamped.add(
            resolver.stamp(request, SignalStatus.parse(request.status()).orElseThrow(), now));
      } catch (NotFoundException unknown) {
        throw new NotFoundException("Signal [" + i + "]: " + unknown.getMessage());
      }
    }
    storeAndEvaluate(stamped, resolver);
    return new SignalBatchResponse(stamped.size());
  }

  /** Lists a product's newest signals. */
  public List<Signal> list(String productName, String semverVersion, Integer limit) {
    int rows = limit == null ? 100 : limit;
    if (rows < 1 || rows > MAX_LIST_LIMIT) {
      throw new InvalidRequestException(
          "limit", rows + " is out of range; send a number from 1 to " + MAX_LIST_LIMIT);
    }
    Product product = productService.getByName(productName);
    return signals.findNewest(product.id(), semverVersion, rows);
  }

  private void storeAndEvaluate(List<Signal> batch, Resolver resolver) {
    Map<UUID, long[]> countsByRelease = new LinkedHashMap<>();
    for (Signal signal : batch) {
      long[] counts = countsByRelease.computeIfAbsent(signal.releaseId(), id -> new long[2]);
      counts[SignalStatus.SUCCESS.wireName().equals(signal.status()) ? 0 : 1]++;
    }
    transaction.executeWithoutResult(
        status -> {
          signals.insertAll(batch);
          hourlyCounts.add(batch);
          countsByRelease.forEach((id, counts) -> releases.addCounts(id, counts[0], counts[1]));
        });
    for (Signal signal : batch) {
      meters
          .counter(
              "canarypy.signals",
              "status",
              signal.status(),
              "canary",
              Boolean.toString(signal.isCanary()))
          .increment();
    }
    for (UUID canaryId : resolver.canariesTouched) {
      try {
        lifecycle.evaluate(canaryId);
      } catch (RuntimeException failure) {
        // The signals are stored; the background evaluator decides on its next run.
        log.error("Evaluating canary release {} after a signal failed", canaryId, failure);
      }
    }
  }

  private static SignalStatus parseStatus(String value, String field) {
    return SignalStatus.parse(value)
        .orElseThrow(() -> new InvalidRequestException(field, statusMessage(value)));
  }

  private static String statusMessage(String value) {
    return "'"
        + value
        + "' is not a signal status; send success or failed (ok, succeeded, failure and error are"
        + " also accepted)";
  }

  /** Resolves artifact URL and version to releases once per batch, and stamps signals. */
  private final class Resolver {
    private final Map<String, Product> productsByArtifact = new HashMap<>();
    private final Map<String, Release> releasesByKey = new HashMap<>();
    private final Set<UUID> canariesTouched = new LinkedHashSet<>();

    Signal stamp(SignalRequest request, SignalStatus status, Instant now) {
      String artifactUrl = request.artifactUrl().trim();
      String version = request.semverVersion().trim();
      Product product =
          productsByArtifact.computeIfAbsent(artifactUrl, productService::getByArtifactUrl);
      Release release =
          releasesByKey.computeIfAbsent(
              artifactUrl + "\n" + version,
              key ->
                  releases
                      .findByVersion(product.id(), version)
                      .orElseThrow(
                          () ->
                              new NotFoundException(
                                  "Product '"
                                      + product.name()
                                      + "' has no release "
                                      + version
                                      + "; create it with POST /release before sending its"
                                      + " signals.")));
      ProductReleases current = cache.byProduct(product);
      Release canary = current.canary();
      boolean fromCanary = canary != null && canary.id().equals(release.id());
      if (canary != null) {
        canariesTouched.add(canary.id());
      }
      return new Signal(
          UUID.randomUUID(),
          release.id(),
          release.semverVersion(),
          request.instanceId(),
          request.description(),
          status.wireName(),
          fromCanary,
          canary == null ? null : canary.bandAt(now).number(),
          now);
    }
  }
}
