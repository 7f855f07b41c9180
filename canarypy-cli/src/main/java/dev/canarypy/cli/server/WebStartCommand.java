package dev.canarypy.cli.server;

import dev.canarypy.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarypy web start}: reserved for a dashboard server of its own. The dashboard is served
 * by {@code api start} for now; this command accepts the original's options already, so that
 * scripts written for the original keep parsing, and points the user there.
 */
@Command(
    name = "start",
    description =
        "Start the web dashboard on its own (not available in this version: 'canarypy api start'"
            + " serves the dashboard at /).")
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
    // TODO: start a server for the dashboard alone on --host and --port once the server module
    // can run without the API.
    spec.commandLine()
        .getErr()
        .println(
            "Error: a separate dashboard server is not available yet in this version. Start the"
                + " API server with 'canarypy api start': it serves the dashboard at /, such as"
                + " http://localhost:8080/, and the API documentation at /docs.");
    spec.commandLine().getErr().flush();
    return ExitCodes.FAILED;
  }
}
