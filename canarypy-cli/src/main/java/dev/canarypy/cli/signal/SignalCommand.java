package dev.canarypy.cli.signal;

import picocli.CommandLine.Command;

/** The {@code canarypy signal} group. */
@Command(
    name = "signal",
    description = "Report and list the outcomes of executions.",
    subcommands = {SignalCreateCommand.class, SignalListCommand.class})
public final class SignalCommand {}
