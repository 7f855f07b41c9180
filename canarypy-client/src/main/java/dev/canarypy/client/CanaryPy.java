package dev.canarypy.client;

import java.time.Duration;
import java.util.List;

/**
 * The operations of the CanaryPy REST API. {@link CanaryPyClient} calls a real server; {@link
 * FakeCanaryPyClient} keeps everything in memory for an application's unit tests. Code that takes
 * this interface can use either.
 *
 * <p>Every method throws {@link CanaryPyApiException} when the server rejects the request (for
 * example 404 for an unknown product or version) and {@link CanaryPyUnreachableException} when the
 * server cannot be reached. The exceptions are {@link #reportSignal} and {@link #flush}, which keep
 * what they cannot deliver instead of throwing.
 */
public interface CanaryPy {

  /**
   * Returns the version of a product to run now: the stable release, or the canary for the share of
   * executions the canary currently gets. Report the outcome with {@link #sendSignalToCanary}.
   *
   * @param productName the product's name (or, as the original server allowed, its artifact URL)
   */
  LatestRelease getLatestStableVersion(String productName);

  /**
   * Returns the version of a product that the given instance should run now. The choice is sticky:
   * an instance that got the canary keeps it while the canary's share grows.
   *
   * @param productName the product's name
   * @param instanceId a stable id of the running instance, such as a host name or a job name
   */
  LatestRelease getLatestStableVersion(String productName, String instanceId);

  /**
   * Reports the outcome of one execution, as the original client's method of that name did.
   *
   * @param artifactUrl the product's artifact URL
   * @param semverVersion the version that ran
   * @param instanceId the id of the instance that ran
   * @param description a short description of the outcome
   * @param status {@code success} or {@code failed}, or an alias the server accepts ({@code ok},
   *     {@code succeeded}, {@code failure}, {@code error})
   * @return the signal as the server stored it
   */
  default Signal sendSignalToCanary(
      String artifactUrl,
      String semverVersion,
      String instanceId,
      String description,
      String status) {
    return sendSignal(
        new SignalRequest(artifactUrl, semverVersion, instanceId, description, status));
  }

  /** Reports the outcome of one execution with a typed status; see the string overload. */
  default Signal sendSignalToCanary(
      String artifactUrl,
      String semverVersion,
      String instanceId,
      String description,
      SignalStatus status) {
    return sendSignal(
        SignalRequest.of(artifactUrl, semverVersion, instanceId, description, status));
  }

  /**
   * Registers a product.
   *
   * @throws CanaryPyApiException with status 409 when the name or artifact URL is already taken
   */
  Product createProduct(String name, String repositoryUrl, String artifactUrl);

  /** Returns every registered product. */
  List<Product> listProducts();

  /** Returns the product with the given UUID. */
  Product getProduct(String id);

  /**
   * Creates a release. The product's first release becomes stable at once; a later one starts a
   * canary unless {@link ReleaseRequest.Builder#canary(boolean)} set it to false.
   */
  Release createRelease(ReleaseRequest request);

  /** Returns a product's releases, newest first. */
  List<Release> listReleases(String productName);

  /** Returns one release of a product with its band, counts and analysis. */
  Release getRelease(String productName, String semverVersion);

  /** Returns a product's current stable release. */
  Release getStableRelease(String productName);

  /**
   * Promotes a release to stable now, whatever its analysis verdict is.
   *
   * @param reason why, for the audit trail, or null
   * @throws CanaryPyApiException with status 409 when the release's status does not allow it
   */
  Release promote(String productName, String semverVersion, String reason);

  /** Rolls a release back now, so that no execution gets it any more. */
  Release rollback(String productName, String semverVersion, String reason);

  /** Pauses a canary: it keeps its current share and the server stops deciding automatically. */
  Release pause(String productName, String semverVersion, String reason);

  /** Resumes a paused canary, so that its share grows and automatic decisions start again. */
  Release resume(String productName, String semverVersion, String reason);

  /** Promotes a release to stable now without giving a reason. */
  default Release promote(String productName, String semverVersion) {
    return promote(productName, semverVersion, null);
  }

  /** Rolls a release back now without giving a reason. */
  default Release rollback(String productName, String semverVersion) {
    return rollback(productName, semverVersion, null);
  }

  /** Pauses a canary without giving a reason. */
  default Release pause(String productName, String semverVersion) {
    return pause(productName, semverVersion, null);
  }

  /** Resumes a paused canary without giving a reason. */
  default Release resume(String productName, String semverVersion) {
    return resume(productName, semverVersion, null);
  }

  /** Returns a release's audit trail: every state change with time, actor and reason. */
  List<ReleaseEvent> listEvents(String productName, String semverVersion);

  /** Records one signal. */
  Signal sendSignal(SignalRequest signal);

  /**
   * Reports the outcome of one execution without throwing when the server is down: the signal is
   * delivered now when possible, and otherwise kept and delivered later in the order reported. A
   * signal that the server rejects with a 4xx status is counted and discarded.
   *
   * @throws IllegalStateException when the client is closed
   */
  void reportSignal(SignalRequest signal);

  /**
   * Reports the outcome of one execution like {@link #sendSignalToCanary}, but keeps the signal for
   * later delivery when the server is down; see {@link #reportSignal}.
   */
  default void reportSignalToCanary(
      String artifactUrl,
      String semverVersion,
      String instanceId,
      String description,
      SignalStatus status) {
    reportSignal(SignalRequest.of(artifactUrl, semverVersion, instanceId, description, status));
  }

  /**
   * Waits until every signal kept by {@link #reportSignal} is delivered or discarded, or until the
   * timeout runs out.
   *
   * @return whether no signal was waiting for delivery on return
   */
  boolean flush(Duration timeout);

  /**
   * Records a batch of signals in one request.
   *
   * @return how many signals the server accepted
   */
  int sendSignals(List<SignalRequest> signals);

  /**
   * Returns a product's signals, newest first.
   *
   * @param productName the product's name
   * @param semverVersion only this version's signals, or null for all versions
   * @param limit the maximum number of signals, or null for the server's default
   */
  List<Signal> listSignals(String productName, String semverVersion, Integer limit);

  /**
   * Returns a product's signals of all versions, newest first, up to the server's default limit.
   */
  default List<Signal> listSignals(String productName) {
    return listSignals(productName, null, null);
  }
}
