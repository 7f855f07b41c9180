package dev.canarypy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run for the client commands' class data sharing (AppCDS) archive. The {@code
 * canarypy} launcher runs it with {@code -XX:ArchiveClassesAtExit}. It runs a few commands against
 * a local HTTP server with fixed replies, so the JVM loads every class of a whole command, from
 * parsing the arguments to printing the table. Exits with 1 when a command fails.
 */
public final class ClassDataTraining {

  private static final String PRODUCT =
      "{\"id\":\"c94bc155-d049-473e-8e4e-ee6438d6ddb5\",\"name\":\"billing job\","
          + "\"repository_url\":\"https://git.example.com/billing\","
          + "\"artifact_url\":\"registry.example.com/billing\","
          + "\"created_at\":\"2026-12-04T22:47:33.137176Z\"}";

  private static final String RELEASE =
      "{\"id\":\"a514a04e-db7f-432b-ad5f-a4861993de0b\",\"semver_version\":\"0.0.2\","
          + "\"product\":"
          + PRODUCT
          + ",\"status\":\"canary\",\"is_canary\":true,\"is_active\":true,"
          + "\"release_date\":\"2026-12-04T22:47:33.705176Z\",\"canary_period\":2.0,"
          + "\"band_count\":5,\"threshold\":80.0,\"min_signals\":10,\"tolerance\":5.0,"
          + "\"created_at\":\"2026-12-04T22:47:33.710327Z\",\"decided_at\":null,"
          + "\"band\":{\"number\":1,\"band_count\":5,\"target_share\":0.2,"
          + "\"start\":\"2026-12-04T22:47:33.705176Z\",\"end\":\"2026-12-05T08:23:33.705176Z\","
          + "\"phase\":\"running\"},\"signals\":{\"successes\":0,\"failures\":0},"
          + "\"analysis\":{\"verdict\":\"inconclusive\",\"canary\":{\"successes\":0,\"failures\":0},"
          + "\"stable\":{\"successes\":0,\"failures\":0},\"missing_signals\":10,"
          + "\"reason\":\"The canary has sent 0 of the 10 signals needed.\","
          + "\"canary_success_rate\":null,\"canary_failure_rate\":null,"
          + "\"stable_failure_rate\":null,\"canary_success_rate_upper_bound\":null,"
          + "\"failure_rate_difference_lower_bound\":null,\"confidence_level\":0.99}}";

  private ClassDataTraining() {}

  /** Runs the training commands and exits. */
  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/product", exchange -> reply(exchange, "[" + PRODUCT + "]"));
    server.createContext("/release", exchange -> reply(exchange, "[" + RELEASE + "]"));
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();

    int failed = 0;
    try {
      List<List<String>> commands =
          List.of(
              List.of("product", "list", "--url", url),
              List.of("release", "list", "--product", "billing job", "--url", url),
              List.of("product", "list", "--output", "json", "--url", url));
      for (List<String> command : commands) {
        String[] arguments = command.toArray(String[]::new);
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        int exitCode = CanaryPyCommand.newCommandLine(arguments).setOut(discard).execute(arguments);
        if (exitCode != ExitCodes.OK) {
          System.err.println("canarypy " + String.join(" ", command) + " exited with " + exitCode);
          failed++;
        }
      }
    } finally {
      server.stop(0);
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
