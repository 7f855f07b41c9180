package dev.canarypy.cli.server;

import picocli.CommandLine.Command;

/** The {@code canarypy db} group. */
@Command(
    name = "db",
    description = "Manage the server's database.",
    subcommands = {DbInitCommand.class})
public final class DbCommand {}
