package dev.canarypy.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canarypy.server.CanaryPyServerApplication;
import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.TcpProxy;
import dev.canarypy.server.support.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server's responses while its PostgreSQL connection is cut: 503 with Retry-After and a clear
 * detail, then normal service again once the connection returns, without a restart.
 */
@Tag("database")
class DatabaseOutageTest {

  private static TcpProxy proxy;
  private static ConfigurableApplicationContext server;
  private static Api api;

  @BeforeAll
  static void startServerBehindProxy() throws Exception {
    assumeTrue(TestDatabase.postgres(), "an outage needs a database reached over the network");
    String database = TestDatabase.createDatabase();
    proxy = new TcpProxy(5432);
    String throughProxy = database.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
    server =
        new SpringApplicationBuilder(CanaryPyServerApplication.class)
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--CANARYPY_DB_CONN_STRING=" + throughProxy,
                "--canarypy.evaluator.interval=1h",
                "--canarypy.release-cache.ttl=0s",
                "--logging.level.root=warn",
                "--logging.level.dev.canarypy=info");
    api = new Api(((WebServerApplicationContext) server).getWebServer().getPort());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void outageAnswers503ThenRecovers() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String artifact = "registry.example.com/outage-" + suffix;
    assertThat(api.createProduct("outage " + suffix, artifact).status()).isEqualTo(201);
    assertThat(api.createRelease(artifact, "1.0.0", "").status()).isEqualTo(201);

    proxy.cut();
    Reply latest = api.latest("outage " + suffix);
    Reply signal = api.sendSignal(artifact, "1.0.0", "job-1", "success");

    assertThat(latest.status()).isEqualTo(503);
    assertThat(latest.raw().headers().firstValue("Retry-After")).contains("5");
    assertThat(latest.contentType()).startsWith("application/problem+json");
    assertThat(latest.detail()).contains("database is unavailable");
    assertThat(signal.status()).isEqualTo(503);
    assertThat(signal.body()).doesNotContain("Exception").doesNotContain("SQL");

    proxy.restore();
    // The pool opens new connections in the background, so the first requests after the outage
    // may still find none. Service must come back on its own within the bound.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.latest("outage " + suffix).status() == 200);
    Reply stored = api.sendSignal(artifact, "1.0.0", "job-2", "success");

    assertThat(stored.status()).isEqualTo(201);
    assertThat(
            api.get("/release/outage%20" + suffix + "/1.0.0")
                .json()
                .get("signals")
                .get("successes")
                .asLong())
        .isEqualTo(1);
  }
}
