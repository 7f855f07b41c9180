package dev.canarypy.server.signal;

import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.release.ProductReleases;
import dev.canarypy.server.release.Release;
import dev.canarypy.server.release.ReleaseCache;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Records signals: stamps each with whether it came from the canary and the canary's band, stores
 * it with the release's counters in one transaction, then evaluates the canary so a failing one is
 * rolled back as soon as the analysis fails. Requests that arrive at the same time share that
 * transaction and the evaluation (see {@link SignalWriter}).
 */
@Service
public class SignalService {

  /** The largest batch {@code POST /signals} takes. */
  public static final int MAX_BATCH = 10_000;

  private static final int MAX_LIST_LIMIT = 1_000;

  /** The maximum number of artifact URL and version pairs {@link #targets} keeps before a reset. */
  private static final int MAX_TARGETS = 10_000;

  private final ProductService productService;
  private final ReleaseRepository releases;
  private final SignalRepository signals;
  private final ReleaseCache cache;
  private final RequestValidator validator;
  private final SignalWriter writer;
  private final Clock clock;
  private final MeterRegistry meters;

  /**
   * The product and release that each artifact URL and version resolved to, so a signal costs no
   * lookup queries. Entries never go stale: products and releases are never deleted, and the fields
   * used here (ids, product name, version) never change. Misses are not stored, so a release
   * created a moment ago is found at once.
   */
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  public SignalService(
      ProductService productService,
      ReleaseRepository releases,
      SignalRepository signals,
      ReleaseCache cache,
      RequestValidator validator,
      SignalWriter writer,
      Clock clock,
      MeterRegistry meters) {
    this.productService = productService;
    this.releases = releases;
    this.signals = signals;
    this.cache = cache;
    this.validator = validator;
    this.writer = writer;
    this.clock = clock;
    this.meters = meters;
  }

  /** Records one signal; it is committed before this returns. */
  public Signal record(SignalRequest request) {
    if (!SignalRequestCheck.passes(request)) {
      validator.validate(request);
    }
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
      SignalRequest request = requests.get(i);
      if (SignalRequestCheck.passes(request)) {
        continue;
      }
      String prefix = "[" + i + "]";
      problems.addAll(validator.problems(request, prefix));
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
    writer.write(batch, resolver.canariesTouched);

    // Summed first, so a batch costs one meter lookup per status and canary flag, not per signal.
    Map<String, Integer> countsByMeter = new HashMap<>();
    for (Signal signal : batch) {
      countsByMeter.merge(signal.status() + "\n" + signal.isCanary(), 1, Integer::sum);
    }
    countsByMeter.forEach(
        (key, count) -> {
          String[] tags = key.split("\n");
          meters.counter("canarypy.signals", "status", tags[0], "canary", tags[1]).increment(count);
        });
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

  private Target lookUp(String artifactUrl, String version) {
    Product product = productService.getByArtifactUrl(artifactUrl);
    Release release =
        releases
            .findByVersion(product.id(), version)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Product '"
                            + product.name()
                            + "' has no release "
                            + version
                            + "; create it with POST /release before sending its signals."));
    return new Target(product, release);
  }

  private record Target(Product product, Release release) {}

  /** Stamps signals and collects the canaries in flight for their products. */
  private final class Resolver {
    private final Set<UUID> canariesTouched = new LinkedHashSet<>();

    Signal stamp(SignalRequest request, SignalStatus status, Instant now) {
      String artifactUrl = request.artifactUrl().trim();
      String version = request.semverVersion().trim();
      Target target = targets.get(artifactUrl + "\n" + version);
      if (target == null) {
        target = lookUp(artifactUrl, version);
        if (targets.size() >= MAX_TARGETS) {
          targets.clear();
        }
        targets.put(artifactUrl + "\n" + version, target);
      }
      Product product = target.product();
      Release release = target.release();
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
