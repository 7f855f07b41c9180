package dev.canarypy.cli.token;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.ApiToken;
import dev.canarypy.client.CanaryPyClient;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code canarypy token list}: lists the API tokens without their values. */
@Command(
    name = "list",
    description = "List the API tokens by name, with scope and last four characters.")
public final class TokenListCommand extends ClientCommand {

  @Override
  protected void run(CanaryPyClient client, Output output) {
    List<ApiToken> tokens = client.listTokens();

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    if (tokens.isEmpty()) {
      output.line(
          "No API tokens yet, so the server accepts every request. Create an admin token with"
              + " 'canarypy token create --scope admin --name NAME'.");
      return;
    }
    output.table(
        List.of("NAME", "SCOPE", "TOKEN", "CREATED"),
        tokens.stream()
            .map(
                token ->
                    Output.row(
                        token.name(),
                        token.scope(),
                        token.tokenHint(),
                        Formats.time(token.createdAt())))
            .toList());
  }
}
