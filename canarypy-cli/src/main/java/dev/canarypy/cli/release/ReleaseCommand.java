package dev.canarypy.cli.release;

import picocli.CommandLine.Command;

/** The {@code canarypy release} group. */
@Command(
    name = "release",
    description = "Create releases, follow their canaries and act on them.",
    subcommands = {
      ReleaseCreateCommand.class,
      ReleaseListCommand.class,
      ReleaseStatusCommand.class,
      ReleaseLatestCommand.class,
      ReleasePromoteCommand.class,
      ReleaseRollbackCommand.class,
      ReleasePauseCommand.class,
      ReleaseResumeCommand.class,
      ReleaseEventsCommand.class
    })
public final class ReleaseCommand {}
