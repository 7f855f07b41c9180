package dev.canarypy.cli.server;

import dev.canarypy.cli.CommandFailure;
import dev.canarypy.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code canarypy web start}: serves the dashboard on its own port, by default 8501 as the
 * original's Streamlit dashboard did. It runs the same application as {@code api start} on the same
 * database, because the page calls the REST API of the server that serves it.
 */
@Command(
    name = "start",
    description = {
      "Start the web dashboard on its own port and run until stopped (Ctrl-C or SIGTERM).",
      "It reads the same database as 'canarypy api start' (CANARYPY_DB_* and CANARYPY_HOME), so"
          + " both can run at once."
    })
public final class WebStartCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "${env:CANARYPY_WEB_HOST:-0.0.0.0}",
      description = "The address to listen on (default: CANARYPY_WEB_HOST, else 0.0.0.0).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "${env:CANARYPY_WEB_PORT:-8501}",
      description = "The port to listen on (default: CANARYPY_WEB_PORT, else 8501).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--port': " + port + " is not 0 to 65535.");
    }
    try {
      ServerLauncher.runUntilStopped(
          new String[] {"--server.address=" + host, "--server.port=" + port});
    } catch (RuntimeException e) {
      // Spring Boot has already logged the failure report with its cause.
      throw new CommandFailure(
          ExitCodes.FAILED,
          "The dashboard server failed to start: " + ApiStartCommand.rootMessage(e),
          e);
    }
    return ExitCodes.OK;
  }
}
