package dev.canarypy.cli.release;

import dev.canarypy.client.CanaryPyClient;
import picocli.CommandLine.Option;

/**
 * The options that pick one release of a product for reading: {@code --product} and an optional
 * {@code --semver-version}, which defaults to the canary in flight, else the stable release.
 */
final class ReleaseSelection {

  @Option(
      names = "--product",
      required = true,
      paramLabel = "NAME",
      description = "The product's name.")
  String productName;

  @Option(
      names = {"--semver-version", "--semver_version"},
      paramLabel = "VERSION",
      description = "The release's version (default: the canary in flight, else the stable).")
  String semverVersion;

  /** Returns the version given, or else the product's canary in flight, or else its stable. */
  String version(CanaryPyClient client) {
    if (semverVersion != null) {
      return semverVersion;
    }
    return InFlightRelease.canaryOrStable(client, productName).semverVersion();
  }
}
