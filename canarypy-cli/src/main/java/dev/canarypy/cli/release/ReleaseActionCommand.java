package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Option;

/**
 * The base of the manual actions promote, rollback, pause and resume: each acts on one release, by
 * default the product's canary in flight, and records an optional reason.
 */
abstract class ReleaseActionCommand extends ClientCommand {

  @Option(
      names = "--product",
      required = true,
      paramLabel = "NAME",
      description = "The product's name.")
  String productName;

  @Option(
      names = {"--semver-version", "--semver_version"},
      paramLabel = "VERSION",
      description = "The release's version (default: the product's canary in flight).")
  String semverVersion;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why you act; recorded in the release's audit trail.")
  String reason;

  @Override
  protected final void run(CanaryPyClient client, Output output) {
    String version =
        semverVersion != null
            ? semverVersion
            : InFlightRelease.requireCanaryVersion(client, productName);

    Release release = act(client, productName, version, reason);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.line(
        pastTense()
            + " release "
            + release.semverVersion()
            + " of "
            + release.product().name()
            + ": status "
            + release.status().wireName()
            + ".");
  }

  /** Sends the action to the server and returns the release afterwards. */
  abstract Release act(CanaryPyClient client, String product, String version, String reason);

  /** Returns the verb for the confirmation message, such as {@code Promoted}. */
  abstract String pastTense();
}
