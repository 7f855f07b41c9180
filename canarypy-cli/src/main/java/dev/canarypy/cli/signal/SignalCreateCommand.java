package dev.canarypy.cli.signal;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Signal;
import dev.canarypy.client.SignalRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code canarypy signal create}: reports the outcome of one execution. */
@Command(name = "create", description = "Report the outcome of one execution of a release.")
public final class SignalCreateCommand extends ClientCommand {

  @Option(
      names = "--status",
      required = true,
      paramLabel = "STATUS",
      description = "success or failed (the server also accepts ok, succeeded, failure, error).")
  String status;

  @Option(
      names = "--description",
      required = true,
      paramLabel = "TEXT",
      description = "A short description of the outcome, such as an error message.")
  String description;

  @Option(
      names = {"--instance-id", "--instance_id"},
      required = true,
      paramLabel = "ID",
      description = "The id of the instance that ran, such as a host or job name.")
  String instanceId;

  @Option(
      names = {"--semver-version", "--semver_version"},
      required = true,
      paramLabel = "VERSION",
      description = "The version that ran.")
  String semverVersion;

  @Option(
      names = {"--artifact-url", "--artifact_url"},
      required = true,
      paramLabel = "URL",
      description = "The artifact URL of the product that ran.")
  String artifactUrl;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    Signal signal =
        client.sendSignal(
            new SignalRequest(artifactUrl, semverVersion, instanceId, description, status));

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    String origin =
        signal.isCanary()
            ? "the canary" + (signal.band() == null ? "" : " in band " + signal.band())
            : "a release outside the canary";
    output.line(
        "Recorded a "
            + signal.status()
            + " signal of version "
            + signal.semverVersion()
            + " from instance "
            + signal.instanceId()
            + " for "
            + origin
            + ".");
  }
}
