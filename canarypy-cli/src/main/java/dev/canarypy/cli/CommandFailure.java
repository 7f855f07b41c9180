package dev.canarypy.cli;

/**
 * A failure that a command detected itself, with the message to print and the exit code, such as a
 * product with no canary in flight when the command needs one.
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates a failure that prints {@code message} and exits with {@code exitCode}. */
  public CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Creates a failure with its underlying cause, which is not printed. */
  public CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Returns the exit code the command ends with. */
  public int exitCode() {
    return exitCode;
  }
}
