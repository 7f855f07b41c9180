package dev.canarypy.cli;

import dev.canarypy.cli.logging.CommandLineLoggingProvider;
import dev.canarypy.client.CanaryPyClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of every command that calls the REST API: it builds the client from {@code --url} and
 * {@code --token} and the printer from {@code --output}, then runs the command.
 */
public abstract class ClientCommand implements Callable<Integer> {

  /** The command's own model, injected by picocli. */
  @Spec protected CommandSpec spec;

  @Override
  public Integer call() {
    CommandLineLoggingProvider.install();
    CanaryPyCommand root = (CanaryPyCommand) spec.root().userObject();
    Output output = new Output(root.output(), spec.commandLine().getOut());
    run(createClient(root.url(), root.token(), output), output);
    return ExitCodes.OK;
  }

  /** Runs the command against the server. */
  protected abstract void run(CanaryPyClient client, Output output);

  private CanaryPyClient createClient(String url, String token, Output output) {
    CanaryPyClient.Builder builder;
    try {
      builder = CanaryPyClient.builder().baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), e.getMessage() + ". Set it with --url or CANARYPY_URL.");
    }
    try {
      builder.token(token);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), e.getMessage() + ". Set it with --token or CANARYPY_TOKEN.");
    }
    return builder
        .actor(System.getProperty("user.name"))
        .replyListener(output::recordReply)
        .build();
  }
}
