package dev.canarypy.cli.server;

import dev.canarypy.cli.CommandFailure;
import dev.canarypy.cli.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code canarypy api start}: runs the server in this process until it is stopped. The server reads
 * the CANARYPY_API_* and CANARYPY_DB_* variables itself; the options here override the address.
 */
@Command(
    name = "start",
    description = {
      "Start the REST API server and the canary evaluator, and run until stopped (Ctrl-C or"
          + " SIGTERM).",
      "Reads CANARYPY_API_HOST, CANARYPY_API_PORT, CANARYPY_API_LOG_LEVEL, CANARYPY_API_DEBUG,"
          + " CANARYPY_DB_* and CANARYPY_HOME."
    })
public final class ApiStartCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "The address to listen on (default: CANARYPY_API_HOST, else 0.0.0.0).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The port to listen on (default: CANARYPY_API_PORT, else 8080).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    List<String> springArgs = new ArrayList<>();
    if (host != null) {
      springArgs.add("--server.address=" + host);
    }
    if (port != null) {
      if (port < 0 || port > 65535) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for option '--port': " + port + " is not 0 to 65535.");
      }
      springArgs.add("--server.port=" + port);
    }

    try {
      ServerLauncher.runUntilStopped(springArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      // Spring Boot has already logged the failure report with its cause.
      throw new CommandFailure(
          ExitCodes.FAILED,
          "The API server failed to start: "
              + rootMessage(e)
              + " (database: "
              + ServerLauncher.databaseDescription()
              + ")",
          e);
    }
    return ExitCodes.OK;
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getName() : message;
  }
}
