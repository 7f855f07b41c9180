package dev.canarypy.cli.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A CanaryPy server started with {@code canarypy api start} on 127.0.0.1 and a free port, with its
 * own CANARYPY_HOME in a temporary folder. Closing it stops the process and deletes the folder.
 */
public final class ServerProcess implements AutoCloseable {

  /** How long the server may take to serve its first request on a busy two-core machine. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path home;
  private final boolean ownsHome;
  private final Path log;
  private final String url;

  private ServerProcess(Process process, Path home, boolean ownsHome, Path log, String url) {
    this.process = process;
    this.home = home;
    this.ownsHome = ownsHome;
    this.log = log;
    this.url = url;
  }

  /** Starts a server on an embedded H2 database and waits until it serves requests. */
  public static ServerProcess startWithH2() throws IOException, InterruptedException {
    return start(Map.of());
  }

  /**
   * Starts a server with extra environment variables, such as CANARYPY_DB_CONN_STRING, and waits
   * until it serves requests.
   */
  public static ServerProcess start(Map<String, String> environment)
      throws IOException, InterruptedException {
    ServerProcess server = launch(environment);
    server.awaitReady();
    return server;
  }

  /**
   * Starts a server process with extra environment variables and returns at once, before the server
   * listens.
   */
  public static ServerProcess launch(Map<String, String> environment) throws IOException {
    return launch(
        "api", environment, Files.createTempDirectory("canarypy-cli-it"), true, freePort());
  }

  /**
   * Starts {@code canarypy web start} on the embedded database of {@code apiServer}, and waits
   * until it serves requests; closing it leaves that database in place.
   */
  public static ServerProcess startWeb(ServerProcess apiServer)
      throws IOException, InterruptedException {
    ServerProcess server = launch("web", Map.of(), apiServer.home, false, freePort());
    server.awaitReady();
    return server;
  }

  /**
   * Starts {@code canarypy api start} again on this server's embedded database and port, once this
   * server has exited, and waits until it serves requests. Closing the new server leaves the
   * database in place; closing this one deletes it.
   */
  public ServerProcess restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("Stop the server before restarting it on its port");
    }
    int port = URI.create(url).getPort();
    ServerProcess server = launch("api", Map.of(), home, false, port);
    server.awaitReady();
    return server;
  }

  private static ServerProcess launch(
      String command, Map<String, String> environment, Path home, boolean ownsHome, int port)
      throws IOException {
    Path log = Files.createTempFile("canarypy-cli-it-" + command, ".log");

    ProcessBuilder builder =
        new ProcessBuilder(
            CanaryPyJar.commandLine(
                command, "start", "--host", "127.0.0.1", "--port", Integer.toString(port)));
    Map<String, String> variables = new HashMap<>(environment);
    variables.put("CANARYPY_HOME", home.toString());
    builder.environment().putAll(variables);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());

    return new ServerProcess(builder.start(), home, ownsHome, log, "http://127.0.0.1:" + port);
  }

  /** Returns the server's base URL. */
  public String url() {
    return url;
  }

  /** Returns the environment that points a command at this server. */
  public Map<String, String> environment() {
    return Map.of("CANARYPY_URL", url);
  }

  /** Sends a request straight to the server and returns the status and body. */
  public HttpResponse<String> request(String method, String path, String jsonBody)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Waits until the server serves requests, or fails with the end of its log. */
  public void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url + "/product")).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The server exited with "
                + process.exitValue()
                + " before it was ready:\n"
                + logTail());
      }
      try {
        if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // The server is still starting.
      } catch (IOException e) {
        // A timeout while the server warms up; try again.
      }
      Thread.sleep(250);
    }
    String tail = logTail();
    close();
    throw new IllegalStateException(
        "The server did not serve requests within " + START_TIMEOUT + ":\n" + tail);
  }

  /** Returns the handle of the server's JVM process. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * Kills the server's JVM with SIGKILL, as a crash or the kernel's OOM killer would, and returns
   * its exit code (137 on Linux) once it has exited.
   */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The server did not exit within 30 s of SIGKILL");
    }
    return process.exitValue();
  }

  /**
   * Sends SIGTERM to the server's JVM and returns its exit code, or fails if it has not exited
   * within {@code seconds}.
   */
  public int terminate(long seconds) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "The server did not exit within " + seconds + " s of SIGTERM");
    }
    return process.exitValue();
  }

  /** Returns everything the server logged so far. */
  public String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Returns the last lines the server logged, for failure messages. */
  public String logTail() throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /**
   * Stops the server with SIGTERM, then forcibly after 30 s, and deletes its log and the home
   * folder it created.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
    if (!ownsHome) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Returns a port on 127.0.0.1 that nothing listens on at the moment. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
