package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

  @Mixin ReleaseSelection selection;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    String version = selection.version(client);
    // Read the release on its own even when the list had it, so that --output json prints the
    // server's reply for this one release.
    Release release = client.getRelease(selection.productName, version);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.fields(ReleaseView.describe(release));
  }
}
