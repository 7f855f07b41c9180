package dev.canarypy.cli.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged canarypy.jar as a separate process, as a user runs the command. */
public final class CanaryPyJar {

  /**
   * How long one command may take before the test fails; retries of an unreachable URL take 2 s.
   */
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private CanaryPyJar() {}

  /** Returns the jar that {@code package} built; failsafe passes its path. */
  public static Path jar() {
    String path = System.getProperty("canarypy.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          "canarypy.jar not found at " + path + "; run the tests with ./mvnw verify");
    }
    return Path.of(path);
  }

  /** Returns the command line that starts the jar with the given arguments. */
  public static List<String> commandLine(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The client commands are short-lived; C1 alone starts them faster.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs the command with extra environment variables and the given standard input, which may be
   * null for an empty input, and waits for it to end.
   */
  public static CommandResult run(Map<String, String> environment, String stdin, String... args)
      throws IOException, InterruptedException {
    Path outFile = Files.createTempFile("canarypy-out", ".txt");
    Path errFile = Files.createTempFile("canarypy-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(commandLine(args));
      builder.environment().remove("CANARYPY_URL");
      builder.environment().remove("CANARYPY_TOKEN");
      builder.environment().putAll(environment);
      builder.redirectOutput(outFile.toFile());
      builder.redirectError(errFile.toFile());
      Process process = builder.start();

      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "canarypy "
                + String.join(" ", args)
                + " did not end in "
                + COMMAND_TIMEOUT_SECONDS
                + " s");
      }
      return new CommandResult(
          process.exitValue(),
          Files.readString(outFile, StandardCharsets.UTF_8),
          Files.readString(errFile, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }
}
