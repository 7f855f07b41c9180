package dev.canarypy.cli.product;

import picocli.CommandLine.Command;

/** The {@code canarypy product} group. */
@Command(
    name = "product",
    description = "Register and list products.",
    subcommands = {ProductCreateCommand.class, ProductListCommand.class})
public final class ProductCommand {}
