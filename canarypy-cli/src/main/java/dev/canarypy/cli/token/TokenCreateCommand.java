package dev.canarypy.cli.token;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.CreatedToken;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code canarypy token create}: creates an API token and prints it once.
 *
 * <p>The token alone goes to standard output and the explanation to standard error, so that {@code
 * export CANARYPY_TOKEN=$(canarypy token create ...)} captures just the token.
 */
@Command(
    name = "create",
    description = {
      "Create an API token and print it; the server keeps only its hash, so store it now.",
      "Needs an admin token, except for the first token while none exists."
    })
public final class TokenCreateCommand extends ClientCommand {

  @Option(
      names = "--scope",
      required = true,
      paramLabel = "SCOPE",
      description =
          "signal: ask for the version to run and send signals, for the programs that run a"
              + " product. admin: everything, including releases and tokens.")
  TokenScopeOption scope;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description =
          "A unique name, such as nightly-jobs or alice: letters, digits, '.', '_', '@' and '-'."
              + " It is recorded as the actor of the manual actions made with the token.")
  String name;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    CreatedToken created = client.createToken(name, scope.wireName());

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    output.line(created.token());
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "Created API token '"
            + created.name()
            + "' with scope "
            + created.scope()
            + ". Store it now: the server keeps only its hash and cannot show it again.");
    err.flush();
  }
}
