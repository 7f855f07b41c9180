package dev.canarypy.cli.release;

import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;

/** {@code canarypy release rollback}: rolls a release back now. */
@Command(
    name = "rollback",
    description = "Roll a release back now, so that no execution gets it any more.")
public final class ReleaseRollbackCommand extends ReleaseActionCommand {

  @Override
  Release act(CanaryPyClient client, String product, String version, String reason) {
    return client.rollback(product, version, reason);
  }

  @Override
  String pastTense() {
    return "Rolled back";
  }
}
