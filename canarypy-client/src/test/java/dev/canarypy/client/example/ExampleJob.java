package dev.canarypy.client.example;

import dev.canarypy.client.CanaryPy;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.CanaryPyUnreachableException;
import dev.canarypy.client.LatestRelease;
import dev.canarypy.client.SignalStatus;
import java.util.function.Predicate;

/**
 * A scheduled job that requests from CanaryPy the version to run, runs it, and reports the outcome.
 *
 * <p>Run it against a server with {@code CANARYPY_URL} set and a product whose name is the first
 * argument:
 *
 * <pre>
 * ./mvnw -q -pl canarypy-client test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.canarypy.client.example.ExampleJob -Dexec.args="example-job host-1"
 * </pre>
 */
public final class ExampleJob {

  /** The version the job runs when the server cannot be reached. */
  static final String FALLBACK_VERSION = "1.0.0";

  private final CanaryPy canaryPy;
  private final String productName;
  private final String instanceId;
  private final Predicate<String> work;

  /**
   * Creates the job.
   *
   * @param canaryPy the client, real or fake
   * @param productName the product to run
   * @param instanceId the id of this instance, so that the canary choice is sticky
   * @param work runs the given version and returns whether it succeeded
   */
  public ExampleJob(
      CanaryPy canaryPy, String productName, String instanceId, Predicate<String> work) {
    this.canaryPy = canaryPy;
    this.productName = productName;
    this.instanceId = instanceId;
    this.work = work;
  }

  /** Runs the version the server chooses and reports the outcome; returns the version it ran. */
  public String run() {
    LatestRelease latest;
    try {
      latest = canaryPy.getLatestStableVersion(productName, instanceId);
    } catch (CanaryPyUnreachableException e) {
      // A job should not stop because the release server is down: run the pinned version and
      // skip the report, since no canary can be judged without the server anyway.
      System.err.println(e.getMessage() + "; running " + FALLBACK_VERSION);
      work.test(FALLBACK_VERSION);
      return FALLBACK_VERSION;
    }

    String version = latest.semverVersion();
    System.out.println(
        "Running " + productName + " " + version + (latest.isCanary() ? " (canary)" : ""));
    boolean succeeded = work.test(version);

    canaryPy.sendSignalToCanary(
        latest.product().artifactUrl(),
        version,
        instanceId,
        succeeded ? "example job finished" : "example job failed",
        succeeded ? SignalStatus.SUCCESS : SignalStatus.FAILED);
    return version;
  }

  /**
   * Runs the job once against the server in {@code CANARYPY_URL}.
   *
   * @param args the product name (default {@code example-job}) and the instance id (default {@code
   *     example-1})
   */
  public static void main(String[] args) {
    String productName = args.length > 0 ? args[0] : "example-job";
    String instanceId = args.length > 1 ? args[1] : "example-1";
    ExampleJob job =
        new ExampleJob(
            CanaryPyClient.fromEnvironment(),
            productName,
            instanceId,
            version -> {
              System.out.println("Doing the work of version " + version);
              return true;
            });
    job.run();
  }
}
