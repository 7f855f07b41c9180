package dev.canarypy.cli.release;

import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;

/** {@code canarypy release promote}: promotes a release to stable now. */
@Command(
    name = "promote",
    description = "Promote a release to stable now, whatever its analysis verdict.")
public final class ReleasePromoteCommand extends ReleaseActionCommand {

  @Override
  Release act(CanaryPyClient client, String product, String version, String reason) {
    return client.promote(product, version, reason);
  }

  @Override
  String pastTense() {
    return "Promoted";
  }
}
