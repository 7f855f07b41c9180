package dev.canarypy.cli.server;

import picocli.CommandLine.Command;

/** The {@code canarypy api} group. */
@Command(
    name = "api",
    description = "Run the REST API server.",
    subcommands = {ApiStartCommand.class})
public final class ApiCommand {}
