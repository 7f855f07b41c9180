package dev.canarypy.cli.support;

/** What one run of the canarypy command printed and returned. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  /** Returns standard output without the final line break. */
  public String out() {
    return stdout.stripTrailing();
  }

  /** Returns standard error without the final line break. */
  public String err() {
    return stderr.stripTrailing();
  }
}
