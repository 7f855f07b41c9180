package dev.canarypy.cli;

/**
 * The logging of the commands that do not run the server: warnings and errors only, one short line
 * each on standard error, so that standard output keeps only the result. {@code api start} keeps
 * Spring Boot's logging.
 */
public final class CliLogging {

  private static final String LOGBACK_CONFIGURATION = "dev/canarypy/cli/cli-logback.xml";

  private CliLogging() {}

  /**
   * Points Logback at the command line's configuration unless the user set one. Logback reads the
   * property when the first logger is created, so the commands call this before they load any class
   * that logs.
   */
  public static void useCommandLineLogging() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
    }
  }
}
