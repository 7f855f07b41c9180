package dev.canarypy.cli;

/** The exit codes of the canarypy command, listed in every command's help. */
public final class ExitCodes {

  /** The command did what it was asked. */
  public static final int OK = 0;

  /** An error not covered by the other codes, such as a failed database migration. */
  public static final int FAILED = 1;

  /** Invalid usage: a missing, unknown or invalid option; picocli's default for usage errors. */
  public static final int USAGE = 2;

  /** The server rejected the request (4xx), or the product has no canary in flight to act on. */
  public static final int REJECTED = 3;

  /** The server cannot be reached or failed (5xx). */
  public static final int UNREACHABLE = 4;

  private ExitCodes() {}
}
