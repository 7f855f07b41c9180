package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.LatestRelease;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code canarypy release latest}: shows the version an execution should run now, as a job would
 * get it from the server.
 */
@Command(
    name = "latest",
    description = {
      "Show the version of a product to run now: the stable release, or the canary for its share"
          + " of executions.",
      "With --instance-id the choice is sticky for that instance."
    })
public final class ReleaseLatestCommand extends ClientCommand {

  @Option(
      names = "--product",
      required = true,
      paramLabel = "NAME",
      description = "The product's name.")
  String productName;

  @Option(
      names = {"--instance-id", "--instance_id"},
      paramLabel = "ID",
      description = "The id of the instance that asks, such as a host or job name.")
  String instanceId;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    LatestRelease latest =
        instanceId == null
            ? client.getLatestStableVersion(productName)
            : client.getLatestStableVersion(productName, instanceId);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("Product", latest.product().name());
    lines.put("Version", latest.semverVersion());
    lines.put("Status", latest.status() == null ? "-" : latest.status().wireName());
    lines.put("Canary", latest.isCanary() ? "yes" : "no");
    if (latest.band() != null) {
      lines.put(
          "Canary band", latest.band() + ", target share " + Formats.percent(latest.targetShare()));
    }
    output.fields(lines);
  }
}
