package dev.canarypy.cli;

import dev.canarypy.client.CanaryPyApiException;
import dev.canarypy.client.CanaryPyUnreachableException;
import dev.canarypy.client.FieldError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message on standard error and an exit code, never a stack trace:
 * the server's detail for a rejected request, the URL tried for an unreachable server.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception error, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int exitCode;

    if (error instanceof CanaryPyApiException rejected && !rejected.isServerError()) {
      printRejection(err, rejected);
      exitCode = ExitCodes.REJECTED;
    } else if (error instanceof CanaryPyApiException failed) {
      err.println(
          "Error: the CanaryPy server at "
              + serverUrl(commandLine)
              + " failed: "
              + failed.getMessage());
      err.println("Try again later, or check the server's log.");
      exitCode = ExitCodes.UNREACHABLE;
    } else if (error instanceof CanaryPyUnreachableException unreachable) {
      err.println("Error: " + unreachable.getMessage() + ".");
      err.println(
          "Check that the server runs at "
              + serverUrl(commandLine)
              + ", or set its URL with --url or the CANARYPY_URL environment variable.");
      exitCode = ExitCodes.UNREACHABLE;
    } else if (error instanceof CommandFailure failure) {
      err.println("Error: " + failure.getMessage());
      exitCode = failure.exitCode();
    } else {
      err.println("Error: " + describe(error));
      exitCode = ExitCodes.FAILED;
    }
    err.flush();
    return exitCode;
  }

  private static void printRejection(PrintWriter err, CanaryPyApiException rejected) {
    String detail = rejected.detail() != null ? rejected.detail() : rejected.title();
    err.println("Error: " + detail);
    for (FieldError field : rejected.fieldErrors()) {
      err.println("  " + field.field() + ": " + field.message());
    }
  }

  private static String serverUrl(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof CanaryPyCommand canaryPy ? canaryPy.url() : "the configured URL";
  }

  /** Describes an unexpected error by its message, or by its type when it has none. */
  private static String describe(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getName();
    }
    return message;
  }
}
