package dev.canarypy.cli.release;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.ReleaseEvent;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code canarypy release events}: shows a release's audit trail, oldest first. */
@Command(
    name = "events",
    description = {
      "Show a release's audit trail, oldest first: every status change with its actor and reason.",
      "Without --semver-version it shows the product's canary in flight, or its stable release"
          + " when no canary is in flight."
    })
public final class ReleaseEventsCommand extends ClientCommand {

  @Mixin ReleaseSelection selection;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    String version = selection.version(client);
    List<ReleaseEvent> events = client.listEvents(selection.productName, version);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.table(
        List.of("TIME", "EVENT", "FROM", "TO", "ACTOR", "VERDICT", "REASON"),
        events.stream().map(ReleaseEventsCommand::row).toList());
  }

  private static List<String> row(ReleaseEvent event) {
    return Output.row(
        Formats.time(event.createdAt()),
        event.type(),
        event.fromStatus() == null ? null : event.fromStatus().wireName(),
        event.toStatus() == null ? null : event.toStatus().wireName(),
        event.actor(),
        event.verdict() == null ? null : event.verdict().wireName(),
        event.reason());
  }
}
