package dev.canarypy.cli.server;

import picocli.CommandLine.Command;

/** The {@code canarypy web} group. */
@Command(
    name = "web",
    description = "Run the web dashboard.",
    subcommands = {WebStartCommand.class})
public final class WebCommand {}
