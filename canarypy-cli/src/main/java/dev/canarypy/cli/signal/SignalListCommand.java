package dev.canarypy.cli.signal;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Signal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code canarypy signal list}: lists a product's signals, newest first. */
@Command(name = "list", description = "List a product's signals, newest first.")
public final class SignalListCommand extends ClientCommand {

  @Option(
      names = "--product",
      required = true,
      paramLabel = "NAME",
      description = "The product's name.")
  String productName;

  @Option(
      names = {"--semver-version", "--semver_version"},
      paramLabel = "VERSION",
      description = "Only this version's signals (default: all versions).")
  String semverVersion;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "The maximum number of signals to list (default: the server's limit).")
  Integer limit;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    List<Signal> signals = client.listSignals(productName, semverVersion, limit);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    if (signals.isEmpty()) {
      output.line("No signals yet for product " + productName + ".");
      return;
    }
    output.table(
        List.of("CREATED", "VERSION", "STATUS", "CANARY", "BAND", "INSTANCE", "DESCRIPTION"),
        signals.stream()
            .map(
                signal ->
                    Output.row(
                        Formats.time(signal.createdAt()),
                        signal.semverVersion(),
                        signal.status(),
                        signal.isCanary() ? "yes" : "no",
                        signal.band(),
                        signal.instanceId(),
                        signal.description()))
            .toList());
  }
}
