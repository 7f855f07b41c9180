package dev.canarypy.cli.release;

import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;

/** {@code canarypy release pause}: stops a canary's automatic decisions. */
@Command(
    name = "pause",
    description =
        "Pause a canary: it keeps its current share and the server stops deciding automatically.")
public final class ReleasePauseCommand extends ReleaseActionCommand {

  @Override
  Release act(CanaryPyClient client, String product, String version, String reason) {
    return client.pause(product, version, reason);
  }

  @Override
  String pastTense() {
    return "Paused";
  }
}
