package dev.canarypy.cli.server;

import dev.canarypy.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarypy web start}: reserved for the dashboard. It accepts the dashboard's options
 * already, so that scripts written for the original keep parsing.
 */
@Command(name = "start", description = "Start the web dashboard (not available in this version).")
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
  public Integer call() {
    // TODO: start the dashboard here once the server module serves it on its own.
    spec.commandLine()
        .getErr()
        .println(
            "Error: the dashboard is not available yet in this version. Start the API server with"
                + " 'canarypy api start' and open its interactive API documentation at /docs,"
                + " such as http://localhost:8080/docs.");
    spec.commandLine().getErr().flush();
    return ExitCodes.FAILED;
  }
}
