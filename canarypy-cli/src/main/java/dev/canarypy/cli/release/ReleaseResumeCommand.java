package dev.canarypy.cli.release;

import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Release;
import picocli.CommandLine.Command;

/** {@code canarypy release resume}: resumes a paused canary. */
@Command(
    name = "resume",
    description =
        "Resume a paused canary, so that its share grows and automatic decisions start again.")
public final class ReleaseResumeCommand extends ReleaseActionCommand {

  @Override
  Release act(CanaryPyClient client, String product, String version, String reason) {
    return client.resume(product, version, reason);
  }

  @Override
  String pastTense() {
    return "Resumed";
  }
}
