package dev.canarypy.cli.token;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code canarypy token revoke}: revokes an API token, so that the server rejects it. */
@Command(
    name = "revoke",
    description = {
      "Revoke an API token. The server that receives this rejects the token at once, other"
          + " replicas within a few seconds."
    })
public final class TokenRevokeCommand extends ClientCommand {

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "The token's name, as 'canarypy token list' shows it.")
  String name;

  @Override
  protected void run(CanaryPyClient client, Output output) {
    client.revokeToken(name);

    if (output.isJson()) {
      // The server replies 204 without a body, so the command prints what it did.
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", name);
      result.put("revoked", true);
      output.json(result);
      return;
    }
    output.line("Revoked API token '" + name + "'.");
  }
}
