package dev.canarypy.cli;

import dev.canarypy.cli.product.ProductCommand;
import dev.canarypy.cli.release.ReleaseCommand;
import dev.canarypy.cli.server.ApiCommand;
import dev.canarypy.cli.server.DbCommand;
import dev.canarypy.cli.server.WebCommand;
import dev.canarypy.cli.signal.SignalCommand;
import dev.canarypy.cli.token.TokenCommand;
import dev.canarypy.client.CanaryPyClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code canarypy} command: starts the server and manages products, releases and signals
 * through the REST API.
 *
 * <p>Only {@code api start} and {@code db init} load the server's classes and Spring, so the
 * commands that call the API start in a fraction of a second.
 */
@Command(
    name = "canarypy",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Pull-based canary releases: run the server, manage products and releases.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Any other error.",
      "2:Invalid usage: a missing, unknown or invalid option.",
      "3:The server rejected the request (4xx), or no canary is in flight to act on.",
      "4:The server cannot be reached or failed (5xx)."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  CANARYPY_URL   the server the commands talk to (default http://localhost:8080)",
      "  CANARYPY_TOKEN the API token sent when --token is not given",
      "  CANARYPY_API_HOST, CANARYPY_API_PORT, CANARYPY_DB_*, CANARYPY_HOME",
      "                 where 'api start' listens and which database it uses"
    })
public final class CanaryPyCommand {

  /**
   * The subcommands by name, in the order the help lists them. Picocli reads the annotations of
   * every command it registers. Registering all of them cost about 100 ms more CPU time than
   * registering only {@code product} (measured on 2 cores, JDK 17, with the launcher's AppCDS
   * archive), so {@link #newCommandLine(String...)} registers only the one that runs when it can.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static final String COMPLETION = "generate-completion";

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put("api", ApiCommand::new);
    subcommands.put("web", WebCommand::new);
    subcommands.put("db", DbCommand::new);
    subcommands.put("product", ProductCommand::new);
    subcommands.put("release", ReleaseCommand::new);
    subcommands.put("signal", SignalCommand::new);
    subcommands.put("token", TokenCommand::new);
    subcommands.put(COMPLETION, GenerateCompletion::new);
    return Collections.unmodifiableMap(subcommands);
  }

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${env:CANARYPY_URL:-http://localhost:8080}",
      description = "The server's base URL (default: CANARYPY_URL, else http://localhost:8080).")
  String url;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description =
          "The API token to send, once the server has tokens (default: CANARYPY_TOKEN). Prefer"
              + " CANARYPY_TOKEN, because other users can read a command's arguments.")
  String token;

  @Option(
      names = "--output",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "How to print results: table or json (default: table).")
  OutputFormat output;

  /**
   * Returns the server URL given with --url, CANARYPY_URL or the default. An empty value counts as
   * unset, as it does for the Java client, because shells often export empty variables.
   */
  public String url() {
    return url == null || url.isBlank() ? CanaryPyClient.DEFAULT_URL : url;
  }

  /**
   * Returns the API token given with --token, else CANARYPY_TOKEN, or null when neither is set. The
   * environment is read here rather than as the option's default, so that no help text can print
   * the token.
   */
  public String token() {
    if (token != null && !token.isBlank()) {
      return token.trim();
    }
    return CanaryPyClient.tokenFromEnvironment();
  }

  /** Returns the output format given with --output. */
  public OutputFormat output() {
    return output;
  }

  /**
   * Creates the command line for the given arguments, with the error handlers that map failures to
   * exit codes. When the first argument names a subcommand, only that subcommand is registered, and
   * it parses, runs and prints its help as it does among all of them. Otherwise all are registered,
   * because the root's help and the suggestions for a mistyped subcommand name list them.
   */
  public static CommandLine newCommandLine(String... args) {
    CommandLine commandLine = new CommandLine(new CanaryPyCommand());
    // The completion script that generate-completion prints covers every subcommand registered.
    Supplier<Object> named =
        args.length == 0 || args[0].equals(COMPLETION) ? null : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      commandLine.addSubcommand(args[0], named.get());
    } else {
      SUBCOMMANDS.forEach((name, subcommand) -> commandLine.addSubcommand(name, subcommand.get()));
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
    return commandLine;
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    int exitCode = newCommandLine(args).execute(args);
    stopHttpSelectorThreads();
    System.exit(exitCode);
  }

  /**
   * Stops the selector threads of the JDK's HTTP clients, because the JVM's exit waits up to 300 ms
   * for threads that are in native code, and a selector thread waits in {@code epoll_wait} (seen in
   * OpenJDK 17 and 25). That wait was 0.3 s of the 0.65 s that {@code canarypy product list} took.
   * Interrupting the thread ends its loop, and JDK 17's {@code HttpClient} has no {@code close()}.
   * The thread name is the JDK's, so when it changes the exit is only slower.
   */
  private static void stopHttpSelectorThreads() {
    Thread[] threads = new Thread[Thread.activeCount() + 8];
    int count = Thread.enumerate(threads);
    for (int i = 0; i < count; i++) {
      Thread thread = threads[i];
      String name = thread.getName();
      if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
        thread.interrupt();
        try {
          thread.join(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
