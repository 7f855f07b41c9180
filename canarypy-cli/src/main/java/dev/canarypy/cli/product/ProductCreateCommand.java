package dev.canarypy.cli.product;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code canarypy product create}: registers a product. Options that are missing are prompted for,
 * as the original command did.
 */
@Command(
    name = "create",
    description = {
      "Register a product.",
      "Prompts for the values not given as options: on the terminal, or one line each from"
          + " standard input when it is piped."
    })
public final class ProductCreateCommand extends ClientCommand {

  @Option(names = "--name", paramLabel = "NAME", description = "The unique product name.")
  String name;

  @Option(
      names = {"--repository-url", "--repository_url"},
      paramLabel = "URL",
      description = "The URL of the product's source repository.")
  String repositoryUrl;

  @Option(
      names = {"--artifact-url", "--artifact_url"},
      paramLabel = "URL",
      description = "The unique URL of the product's artifact; releases and signals name it.")
  String artifactUrl;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    Prompter prompter = new Prompter(System.console(), spec.commandLine().getErr());
    String productName =
        valueOrAnswer(name, "--name", "Product name", "the product name", prompter);
    String repository =
        valueOrAnswer(
            repositoryUrl, "--repository-url", "Repository URL", "the repository URL", prompter);
    String artifact =
        valueOrAnswer(artifactUrl, "--artifact-url", "Artifact URL", "the artifact URL", prompter);

    Product product = client.createProduct(productName, repository, artifact);

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.line("Created product " + product.name() + " (id " + product.id() + ").");
    output.line("  Repository URL: " + product.repositoryUrl());
    output.line("  Artifact URL:   " + product.artifactUrl());
    output.line("  Created at:     " + Formats.time(product.createdAt()));
  }

  private String valueOrAnswer(
      String value, String option, String prompt, String noun, Prompter prompter) {
    if (value != null) {
      return value;
    }
    String answer = prompter.ask(prompt);
    if (answer == null || answer.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing " + noun + ": give " + option + " or type it at the prompt.");
    }
    return answer;
  }
}
