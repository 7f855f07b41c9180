package dev.canarypy.cli.token;

import picocli.CommandLine.Command;

/** The {@code canarypy token} group. */
@Command(
    name = "token",
    description = {
      "Create, list and revoke API tokens.",
      "While no token exists the server accepts every request; create an admin token right after"
          + " the server starts."
    },
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokenCommand {}
