package dev.canarypy.cli.server;

import dev.canarypy.server.CanaryPyServerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training run for the server's class data sharing (AppCDS) archive. The {@code canarypy}
 * launcher runs it with {@code -XX:ArchiveClassesAtExit} and a temporary H2 database. It starts the
 * server on a free port of 127.0.0.1, sends the first requests a client sends, and stops it. The
 * archive then also contains the classes of Tomcat's start and of the first requests, which a run
 * with {@code spring.context.exit=onRefresh} never loads. Exits with 1 when a request fails.
 */
public final class ServerTraining {

  private static final List<String> PATHS = List.of("/actuator/health/liveness", "/product", "/");

  private ServerTraining() {}

  /** Runs the server, sends the training requests and exits. */
  public static void main(String[] args) throws IOException {
    ConfigurableApplicationContext context =
        CanaryPyServerApplication.start("--server.address=127.0.0.1", "--server.port=0");
    int failed = 0;
    try {
      // Spring Boot sets this property to the port the web server listens on.
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      for (String path : PATHS) {
        HttpURLConnection connection =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        int status = connection.getResponseCode();
        try (InputStream body =
            status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
          if (body != null) {
            body.readAllBytes();
          }
        }
        if (status != 200) {
          System.err.println("GET " + path + " failed with status " + status);
          failed++;
        }
      }
    } finally {
      context.close();
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
