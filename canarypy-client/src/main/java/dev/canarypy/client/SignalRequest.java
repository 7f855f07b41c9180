package dev.canarypy.client;

import java.util.Objects;

/**
 * A signal to send: the outcome of one execution of a release, which the server finds by artifact
 * URL and version.
 *
 * @param artifactUrl the product's artifact URL
 * @param semverVersion the version the execution ran
 * @param instanceId the id of the instance that ran, the same one it passed to {@code
 *     getLatestStableVersion}
 * @param description a short description of the outcome, such as an error message
 * @param status {@code success} or {@code failed}, or an alias the server accepts
 */
public record SignalRequest(
    String artifactUrl,
    String semverVersion,
    String instanceId,
    String description,
    String status) {

  /** Rejects missing fields early, before a request goes out. */
  public SignalRequest {
    Objects.requireNonNull(artifactUrl, "artifactUrl");
    Objects.requireNonNull(semverVersion, "semverVersion");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
  }

  /** Creates a signal request with a typed status. */
  public static SignalRequest of(
      String artifactUrl,
      String semverVersion,
      String instanceId,
      String description,
      SignalStatus status) {
    return new SignalRequest(
        artifactUrl, semverVersion, instanceId, description, status.wireName());
  }
}
