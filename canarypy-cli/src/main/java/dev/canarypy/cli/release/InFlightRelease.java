package dev.canarypy.cli.release;

import dev.canarypy.cli.CommandFailure;
import dev.canarypy.cli.ExitCodes;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import dev.canarypy.client.ReleaseStatus;
import java.util.List;
import java.util.Optional;

/** Finds the release a command means when it is given a product but no version. */
final class InFlightRelease {

  private InFlightRelease() {}

  /** Returns the product's canary in flight (status canary or paused), if any. */
  static Optional<Release> canary(List<Release> releases) {
    return releases.stream()
        .filter(
            release ->
                release.status() == ReleaseStatus.CANARY
                    || release.status() == ReleaseStatus.PAUSED)
        .findFirst();
  }

  /**
   * Returns the version of the product's canary in flight.
   *
   * @throws CommandFailure with {@link ExitCodes#REJECTED} when no canary is in flight
   */
  static String requireCanaryVersion(CanaryPyClient client, String productName) {
    return canary(client.listReleases(productName))
        .map(Release::semverVersion)
        .orElseThrow(
            () ->
                new CommandFailure(
                    ExitCodes.REJECTED,
                    "Product '"
                        + productName
                        + "' has no canary in flight (no release with status canary or paused)."
                        + " Give --semver-version to choose a release."));
  }

  /**
   * Returns the product's canary in flight, or its stable release when none is.
   *
   * @throws CommandFailure with {@link ExitCodes#REJECTED} when the product has neither
   */
  static Release canaryOrStable(CanaryPyClient client, String productName) {
    List<Release> releases = client.listReleases(productName);
    return canary(releases)
        .or(
            () ->
                releases.stream()
                    .filter(release -> release.status() == ReleaseStatus.STABLE)
                    .findFirst())
        .orElseThrow(
            () ->
                new CommandFailure(
                    ExitCodes.REJECTED,
                    "Product '"
                        + productName
                        + "' has no canary in flight and no stable release."
                        + " Create one with 'canarypy release create'."));
  }
}
