package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code canarypy release status}: shows one release with its band, counts and verdict, by default
 * the product's canary in flight.
 */
@Command(
    name = "status",
    description = {
      "Show a release's status, band, signal counts and analysis verdict with its numbers.",
      "Without --semver-version it shows the product's canary in flight, or its stable release"
          + " when no canary is in flight."
    })
public final class ReleaseStatusCommand extends ClientCommand {

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

  @Override
  protected void run(CanaryPyClient client, Output output) {
    String version =
        semverVersion != null
            ? semverVersion
            : InFlightRelease.canaryOrStable(client, productName).semverVersion();
    // Read the release on its own even when the list had it, so that --output json prints the
    // server's reply for this one release.
    Release release = client.getRelease(productName, version);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.fields(ReleaseView.describe(release));
  }
}
