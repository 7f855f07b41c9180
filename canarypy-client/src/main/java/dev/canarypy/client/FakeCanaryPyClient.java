package dev.canarypy.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory {@link CanaryPy} for an application's unit tests: no server, no network.
 *
 * <p>It keeps products, releases and signals in memory and follows the server's main rules: a
 * product's first release, or one created with {@code canary(false)}, becomes stable at once; a
 * later release becomes the canary; promote, rollback, pause and resume change the status the way
 * the server allows and throw a 409 {@link CanaryPyApiException} otherwise; unknown products and
 * versions throw a 404. It does not analyse signals, split traffic into bands or decide by itself:
 * {@link #getLatestStableVersion} returns the stable release unless a test chose another version
 * with {@link #setLatestVersion}.
 *
 * <pre>{@code
 * FakeCanaryPyClient canaryPy = new FakeCanaryPyClient();
 * canaryPy.createProduct("nightly-report", "https://git.example.com/report", "report.jar");
 * canaryPy.createRelease(ReleaseRequest.builder("report.jar", "1.0.0").build());
 * new NightlyReportJob(canaryPy).run();
 * assertThat(canaryPy.sentSignals()).extracting(SignalRequest::status).containsExactly("success");
 * }</pre>
 *
 * <p>All methods are synchronized, so one instance can serve a multi-threaded test.
 */
public final class FakeCanaryPyClient implements CanaryPy {

  private static final URI FAKE_URI = URI.create("fake://canarypy");

  private final Clock clock;
  private final Map<String, Product> productsByName = new LinkedHashMap<>();
  private final List<FakeRelease> releases = new ArrayList<>();
  private final Map<String, String> latestOverrides = new LinkedHashMap<>();
  private final List<SignalRequest> sentSignals = new ArrayList<>();
  private final List<Signal> storedSignals = new ArrayList<>();
  private final List<SignalRequest> undeliveredSignals = new ArrayList<>();
  private long rejectedSignals;
  private boolean unreachable;

  /** Creates an empty fake whose timestamps come from the system clock. */
  public FakeCanaryPyClient() {
    this(Clock.systemUTC());
  }

  /** Creates an empty fake whose timestamps come from the given clock. */
  public FakeCanaryPyClient(Clock clock) {
    this.clock = clock;
  }

  /**
   * Makes {@link #getLatestStableVersion} return the given version of a product, whatever its
   * status, until {@link #clearLatestVersion} is called. Use it to send the code under test down
   * the canary path.
   *
   * @throws CanaryPyApiException with status 404 when the product or version does not exist
   */
  public synchronized void setLatestVersion(String productName, String semverVersion) {
    findRelease(productName, semverVersion);
    latestOverrides.put(productName, semverVersion);
  }

  /** Makes {@link #getLatestStableVersion} return the product's stable release again. */
  public synchronized void clearLatestVersion(String productName) {
    latestOverrides.remove(productName);
  }

  /**
   * Makes every following call throw {@link CanaryPyUnreachableException} (true) or work again
   * (false), to test how the code under test behaves when the server is down.
   */
  public synchronized void setUnreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  /** Returns every signal sent so far, in order, including ones sent in batches. */
  public synchronized List<SignalRequest> sentSignals() {
    return List.copyOf(sentSignals);
  }

  @Override
  public synchronized LatestRelease getLatestStableVersion(String productName) {
    checkReachable("GET", "/release/" + productName + "/latest");
    Product product = findProduct(productName);
    String override = latestOverrides.get(product.name());
    FakeRelease release =
        override != null ? findRelease(product.name(), override) : findStable(product.name());
    return new LatestRelease(
        release.id,
        release.semverVersion,
        release.product,
        release.status,
        release.status == ReleaseStatus.CANARY,
        null,
        null);
  }

  @Override
  public synchronized LatestRelease getLatestStableVersion(String productName, String instanceId) {
    return getLatestStableVersion(productName);
  }

  @Override
  public synchronized Product createProduct(String name, String repositoryUrl, String artifactUrl) {
    checkReachable("POST", "/product");
    requireText("name", name);
    requireText("repository_url", repositoryUrl);
    requireText("artifact_url", artifactUrl);
    if (productsByName.containsKey(name)) {
      throw conflict("POST", "/product", "A product named '" + name + "' already exists.");
    }
    for (Product product : productsByName.values()) {
      if (product.artifactUrl().equals(artifactUrl)) {
        throw conflict(
            "POST",
            "/product",
            "The artifact URL '"
                + artifactUrl
                + "' already belongs to product '"
                + product.name()
                + "'.");
      }
    }
    Product product = new Product(newId(), name, repositoryUrl, artifactUrl, clock.instant());
    productsByName.put(name, product);
    return product;
  }

  @Override
  public synchronized List<Product> listProducts() {
    checkReachable("GET", "/product");
    return List.copyOf(productsByName.values());
  }

  @Override
  public synchronized Product getProduct(String id) {
    checkReachable("GET", "/product/" + id);
    return productsByName.values().stream()
        .filter(product -> product.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> notFound("GET", "/product/" + id, "No product has the id '" + id + "'."));
  }

  @Override
  public synchronized Release createRelease(ReleaseRequest request) {
    checkReachable("POST", "/release");
    Product product = findProductByArtifact(request.artifactUrl());
    boolean duplicate =
        releasesOf(product.name()).stream()
            .anyMatch(release -> release.semverVersion.equals(request.semverVersion()));
    if (duplicate) {
      throw conflict(
          "POST",
          "/release",
          "Product '"
              + product.name()
              + "' already has a release "
              + request.semverVersion()
              + ".");
    }

    boolean firstRelease = releasesOf(product.name()).isEmpty();
    boolean canary = !firstRelease && !Boolean.FALSE.equals(request.isCanary());
    supersedeInFlightCanary(product.name());
    if (!canary) {
      supersedeStable(product.name());
    }
    FakeRelease release = new FakeRelease(product, request, clock.instant());
    release.status = canary ? ReleaseStatus.CANARY : ReleaseStatus.STABLE;
    releases.add(release);
    release.addEvent("created", null, release.status, null, clock.instant());
    return release.toRelease();
  }

  @Override
  public synchronized List<Release> listReleases(String productName) {
    checkReachable("GET", "/release/" + productName);
    Product product = findProduct(productName);
    return releasesOf(product.name()).stream()
        .sorted(Comparator.comparing((FakeRelease release) -> release.createdAt).reversed())
        .map(FakeRelease::toRelease)
        .toList();
  }

  @Override
  public synchronized Release getRelease(String productName, String semverVersion) {
    checkReachable("GET", "/release/" + productName + "/" + semverVersion);
    return findRelease(productName, semverVersion).toRelease();
  }

  @Override
  public synchronized Release getStableRelease(String productName) {
    checkReachable("GET", "/release/" + productName + "/stable");
    return findStable(findProduct(productName).name()).toRelease();
  }

  @Override
  public synchronized Release promote(String productName, String semverVersion, String reason) {
    FakeRelease release = findInFlight(productName, semverVersion, "promote");
    supersedeStable(release.product.name());
    release.changeStatus("promoted", ReleaseStatus.STABLE, reason, clock.instant());
    return release.toRelease();
  }

  @Override
  public synchronized Release rollback(String productName, String semverVersion, String reason) {
    FakeRelease release = findInFlight(productName, semverVersion, "rollback");
    release.changeStatus("rolled_back", ReleaseStatus.ROLLED_BACK, reason, clock.instant());
    return release.toRelease();
  }

  @Override
  public synchronized Release pause(String productName, String semverVersion, String reason) {
    FakeRelease release = findWithStatus(productName, semverVersion, "pause", ReleaseStatus.CANARY);
    release.changeStatus("paused", ReleaseStatus.PAUSED, reason, clock.instant());
    return release.toRelease();
  }

  @Override
  public synchronized Release resume(String productName, String semverVersion, String reason) {
    FakeRelease release =
        findWithStatus(productName, semverVersion, "resume", ReleaseStatus.PAUSED);
    release.changeStatus("resumed", ReleaseStatus.CANARY, reason, clock.instant());
    return release.toRelease();
  }

  @Override
  public synchronized List<ReleaseEvent> listEvents(String productName, String semverVersion) {
    checkReachable("GET", "/release/" + productName + "/" + semverVersion + "/events");
    return List.copyOf(findRelease(productName, semverVersion).events);
  }

  @Override
  public synchronized Signal sendSignal(SignalRequest request) {
    checkReachable("POST", "/signal");
    return record(request, "/signal");
  }

  @Override
  public synchronized int sendSignals(List<SignalRequest> requests) {
    checkReachable("POST", "/signals");
    for (SignalRequest request : requests) {
      findReleaseByArtifact(request.artifactUrl(), request.semverVersion(), "/signals");
      normaliseStatus(request.status(), "/signals");
    }
    for (SignalRequest request : requests) {
      record(request, "/signals");
    }
    return requests.size();
  }

  /**
   * Records the signal like {@link #sendSignal}, unless the fake is unreachable: then it is kept
   * and recorded by the next {@code reportSignal} or {@code flush} call that finds the fake
   * reachable. Signals the fake rejects are counted in {@link #rejectedSignals()}. Unlike {@link
   * CanaryPyClient}, the fake keeps any number of signals and has no thread of its own.
   */
  @Override
  public synchronized void reportSignal(SignalRequest request) {
    undeliveredSignals.add(request);
    deliverReportedSignals();
  }

  @Override
  public synchronized boolean flush(Duration timeout) {
    deliverReportedSignals();
    return undeliveredSignals.isEmpty();
  }

  /** Returns how many reported signals wait for the fake to become reachable again. */
  public synchronized int bufferedSignals() {
    return undeliveredSignals.size();
  }

  /** Returns how many reported signals the fake rejected, as the server would with a 4xx. */
  public synchronized long rejectedSignals() {
    return rejectedSignals;
  }

  private void deliverReportedSignals() {
    while (!unreachable && !undeliveredSignals.isEmpty()) {
      SignalRequest request = undeliveredSignals.remove(0);
      try {
        record(request, "/signal");
      } catch (CanaryPyApiException rejected) {
        rejectedSignals++;
      }
    }
  }

  @Override
  public synchronized List<Signal> listSignals(
      String productName, String semverVersion, Integer limit) {
    checkReachable("GET", "/signal");
    Product product = findProduct(productName);
    List<Signal> matching = new ArrayList<>();
    for (int i = storedSignals.size() - 1; i >= 0; i--) {
      Signal signal = storedSignals.get(i);
      FakeRelease release = releaseById(signal.releaseId());
      boolean sameProduct = release.product.name().equals(product.name());
      boolean sameVersion = semverVersion == null || semverVersion.equals(signal.semverVersion());
      if (sameProduct && sameVersion) {
        matching.add(signal);
      }
    }
    return limit == null ? matching : matching.subList(0, Math.min(limit, matching.size()));
  }

  private Signal record(SignalRequest request, String path) {
    FakeRelease release =
        findReleaseByArtifact(request.artifactUrl(), request.semverVersion(), path);
    String status = normaliseStatus(request.status(), path);
    boolean canary = release.status == ReleaseStatus.CANARY;
    if (status.equals("success")) {
      release.successes++;
    } else {
      release.failures++;
    }
    Signal signal =
        new Signal(
            newId(),
            release.id,
            release.semverVersion,
            status,
            canary,
            null,
            request.instanceId(),
            request.description(),
            clock.instant());
    sentSignals.add(request);
    storedSignals.add(signal);
    return signal;
  }

  private String normaliseStatus(String status, String path) {
    String lower = status.trim().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "success", "ok", "succeeded" -> "success";
      case "failed", "failure", "error" -> "failed";
      default ->
          throw new CanaryPyApiException(
              "POST",
              URI.create(FAKE_URI + path),
              422,
              null,
              "Unprocessable Content",
              "Invalid signal status '" + status + "': use success or failed.",
              List.of(new FieldError("status", "must be success or failed")));
    };
  }

  private void supersedeInFlightCanary(String productName) {
    for (FakeRelease release : releasesOf(productName)) {
      if (release.status == ReleaseStatus.CANARY || release.status == ReleaseStatus.PAUSED) {
        release.changeStatus(
            "superseded", ReleaseStatus.SUPERSEDED, "a newer release arrived", clock.instant());
      }
    }
  }

  private void supersedeStable(String productName) {
    for (FakeRelease release : releasesOf(productName)) {
      if (release.status == ReleaseStatus.STABLE) {
        release.changeStatus(
            "replaced", ReleaseStatus.INACTIVE, "a newer stable release", clock.instant());
      }
    }
  }

  private FakeRelease findInFlight(String productName, String semverVersion, String action) {
    return findWithStatus(
        productName, semverVersion, action, ReleaseStatus.CANARY, ReleaseStatus.PAUSED);
  }

  private FakeRelease findWithStatus(
      String productName, String semverVersion, String action, ReleaseStatus... allowed) {
    String path = "/release/" + productName + "/" + semverVersion + "/" + action;
    checkReachable("POST", path);
    FakeRelease release = findRelease(productName, semverVersion);
    for (ReleaseStatus status : allowed) {
      if (release.status == status) {
        return release;
      }
    }
    throw conflict(
        "POST",
        path,
        "Cannot "
            + action
            + " release "
            + semverVersion
            + " of '"
            + productName
            + "' because its status is "
            + release.status.wireName()
            + ".");
  }

  private Product findProduct(String productName) {
    Product product = productsByName.get(productName);
    if (product != null) {
      return product;
    }
    for (Product candidate : productsByName.values()) {
      if (candidate.artifactUrl().equals(productName)) {
        return candidate;
      }
    }
    throw notFound("GET", "/release/" + productName, "No product is named '" + productName + "'.");
  }

  private Product findProductByArtifact(String artifactUrl) {
    for (Product product : productsByName.values()) {
      if (product.artifactUrl().equals(artifactUrl)) {
        return product;
      }
    }
    throw notFound("POST", "/release", "No product has the artifact URL '" + artifactUrl + "'.");
  }

  private FakeRelease findRelease(String productName, String semverVersion) {
    Product product = findProduct(productName);
    return releasesOf(product.name()).stream()
        .filter(release -> release.semverVersion.equals(semverVersion))
        .findFirst()
        .orElseThrow(
            () ->
                notFound(
                    "GET",
                    "/release/" + productName + "/" + semverVersion,
                    "Product '" + product.name() + "' has no release " + semverVersion + "."));
  }

  private FakeRelease findReleaseByArtifact(String artifactUrl, String semverVersion, String path) {
    Product product = findProductByArtifact(artifactUrl);
    return releasesOf(product.name()).stream()
        .filter(release -> release.semverVersion.equals(semverVersion))
        .findFirst()
        .orElseThrow(
            () ->
                notFound(
                    "POST",
                    path,
                    "Product '" + product.name() + "' has no release " + semverVersion + "."));
  }

  private FakeRelease findStable(String productName) {
    return releasesOf(productName).stream()
        .filter(release -> release.status == ReleaseStatus.STABLE)
        .findFirst()
        .orElseThrow(
            () ->
                notFound(
                    "GET",
                    "/release/" + productName + "/stable",
                    "Product '" + productName + "' has no stable release."));
  }

  private FakeRelease releaseById(String id) {
    return releases.stream().filter(release -> release.id.equals(id)).findFirst().orElseThrow();
  }

  private List<FakeRelease> releasesOf(String productName) {
    return releases.stream().filter(release -> release.product.name().equals(productName)).toList();
  }

  private void checkReachable(String method, String path) {
    if (unreachable) {
      throw new CanaryPyUnreachableException(
          method, URI.create(FAKE_URI + path.replace(" ", "%20")), 1, "connection refused", null);
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CanaryPyApiException(
          "POST",
          URI.create(FAKE_URI + "/product"),
          422,
          null,
          "Unprocessable Content",
          "The field " + field + " must not be empty.",
          List.of(new FieldError(field, "must not be empty")));
    }
  }

  private static CanaryPyApiException notFound(String method, String path, String detail) {
    return new CanaryPyApiException(
        method,
        URI.create(FAKE_URI + path.replace(" ", "%20")),
        404,
        null,
        "Not Found",
        detail,
        List.of());
  }

  private static CanaryPyApiException conflict(String method, String path, String detail) {
    return new CanaryPyApiException(
        method,
        URI.create(FAKE_URI + path.replace(" ", "%20")),
        409,
        null,
        "Conflict",
        detail,
        List.of());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
