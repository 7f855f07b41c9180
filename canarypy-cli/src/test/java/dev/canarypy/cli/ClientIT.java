package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.canarypy.cli.support.ServerProcess;
import dev.canarypy.client.CanaryPyApiException;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.LatestRelease;
import dev.canarypy.client.Product;
import dev.canarypy.client.Release;
import dev.canarypy.client.ReleaseEvent;
import dev.canarypy.client.ReleaseRequest;
import dev.canarypy.client.ReleaseStatus;
import dev.canarypy.client.RetryPolicy;
import dev.canarypy.client.Signal;
import dev.canarypy.client.SignalCounts;
import dev.canarypy.client.SignalRequest;
import dev.canarypy.client.SignalStatus;
import dev.canarypy.client.Verdict;
import dev.canarypy.client.internal.HttpTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Runs the Java client against a real server process on H2. */
class ClientIT {

  private static ServerProcess server;
  private static CanaryPyClient client;
  private static List<ILoggingEvent> retriesWhileStarting;

  /**
   * Starts the server and sends the first request before it listens, so that the request only
   * succeeds through the client's retries.
   */
  @BeforeAll
  static void startServerWhileClientWaits() throws Exception {
    server = ServerProcess.launch(Map.of());
    Logger transportLogger = (Logger) LoggerFactory.getLogger(HttpTransport.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    transportLogger.addAppender(appender);
    try {
      // At most 360 attempts about 0.5 s apart: 3 minutes for the server to start.
      CanaryPyClient patient =
          CanaryPyClient.builder()
              .baseUrl(server.url())
              .retryPolicy(
                  new RetryPolicy(360, Duration.ofMillis(100), Duration.ofMillis(500), 2, 0.2))
              .build();
      patient.listProducts();
    } finally {
      transportLogger.detachAppender(appender);
    }
    retriesWhileStarting = List.copyOf(appender.list);
    client = CanaryPyClient.builder().baseUrl(server.url()).actor("client-it").build();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void firstRequestSucceededThroughRetries() {
    assertThat(retriesWhileStarting).isNotEmpty();
    assertThat(retriesWhileStarting.get(0).getFormattedMessage())
        .startsWith("GET " + server.url() + "/product failed on attempt 1 of 360 (");
  }

  @Test
  void productsAreCreatedAndRead() {
    Product created = client.createProduct("client products", "https://git.example/c", "c.jar");

    assertThat(client.getProduct(created.id())).isEqualTo(created);
    assertThat(client.listProducts()).contains(created);
    assertThat(created.createdAt()).isNotNull();
  }

  @Test
  void canaryIsServedAndPromoted() {
    client.createProduct("client canary", "https://git.example/cc", "cc.jar");
    Release stable = client.createRelease(ReleaseRequest.builder("cc.jar", "1.0.0").build());
    Release canary =
        client.createRelease(
            ReleaseRequest.builder("cc.jar", "1.1.0")
                .canaryPeriodDays(1)
                .bandCount(1)
                .minSignals(2)
                .thresholdPercent(50)
                .build());

    LatestRelease latest = client.getLatestStableVersion("client canary", "host-a");
    Signal first =
        client.sendSignalToCanary("cc.jar", "1.1.0", "host-a", "ok", SignalStatus.SUCCESS);
    int accepted =
        client.sendSignals(
            List.of(
                new SignalRequest("cc.jar", "1.1.0", "host-b", "ok", "ok"),
                new SignalRequest("cc.jar", "1.0.0", "host-c", "ok", "success")));
    Release read = client.getRelease("client canary", "1.1.0");
    Release promoted = client.promote("client canary", "1.1.0", "verified by hand");
    List<ReleaseEvent> events = client.listEvents("client canary", "1.1.0");

    assertThat(stable.status()).isEqualTo(ReleaseStatus.STABLE);
    assertThat(canary.status()).isEqualTo(ReleaseStatus.CANARY);
    assertThat(canary.band().number()).isEqualTo(1);
    assertThat(latest.semverVersion()).isEqualTo("1.1.0");
    assertThat(latest.isCanary()).isTrue();
    assertThat(latest.targetShare()).isEqualTo(1.0);
    assertThat(first.isCanary()).isTrue();
    assertThat(first.band()).isEqualTo(1);
    assertThat(accepted).isEqualTo(2);
    assertThat(read.signals()).isEqualTo(new SignalCounts(2, 0));
    assertThat(read.analysis().verdict()).isEqualTo(Verdict.PASS);
    assertThat(read.analysis().canarySuccessRate()).isEqualTo(1.0);
    assertThat(promoted.status()).isEqualTo(ReleaseStatus.STABLE);
    assertThat(client.getStableRelease("client canary").semverVersion()).isEqualTo("1.1.0");
    assertThat(client.listReleases("client canary"))
        .extracting(Release::semverVersion)
        .containsExactly("1.1.0", "1.0.0");
    assertThat(events).extracting(ReleaseEvent::type).containsSubsequence("created", "promoted");
    ReleaseEvent promotion = events.get(events.size() - 1);
    assertThat(promotion.actor()).isEqualTo("client-it");
    assertThat(promotion.reason()).isEqualTo("verified by hand");
    assertThat(promotion.toStatus()).isEqualTo(ReleaseStatus.STABLE);
    assertThat(client.listSignals("client canary", "1.1.0", 10))
        .extracting(Signal::instanceId)
        .containsExactlyInAnyOrder("host-a", "host-b");
  }

  @Test
  void pauseResumeAndRollback() {
    client.createProduct("client actions", "https://git.example/ca", "ca.jar");
    client.createRelease(ReleaseRequest.builder("ca.jar", "1.0.0").build());
    client.createRelease(ReleaseRequest.builder("ca.jar", "2.0.0").build());

    Release paused = client.pause("client actions", "2.0.0");
    Release resumed = client.resume("client actions", "2.0.0");
    Release rolledBack = client.rollback("client actions", "2.0.0", "bad data");
    CanaryPyApiException resumeAgain =
        catchThrowableOfType(
            CanaryPyApiException.class, () -> client.resume("client actions", "2.0.0"));

    assertThat(paused.status()).isEqualTo(ReleaseStatus.PAUSED);
    assertThat(resumed.status()).isEqualTo(ReleaseStatus.CANARY);
    assertThat(rolledBack.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
    assertThat(resumeAgain.isConflict()).isTrue();
    assertThat(resumeAgain.detail()).isNotBlank();
    assertThat(client.getLatestStableVersion("client actions").semverVersion()).isEqualTo("1.0.0");
  }

  @Test
  void errorsAreTyped() {
    client.createProduct("client errors", "https://git.example/ce", "ce.jar");

    CanaryPyApiException notFound =
        catchThrowableOfType(
            CanaryPyApiException.class, () -> client.getRelease("client errors", "9.9.9"));
    CanaryPyApiException duplicate =
        catchThrowableOfType(
            CanaryPyApiException.class,
            () -> client.createProduct("client errors", "https://git.example/ce", "ce2.jar"));
    CanaryPyApiException invalid =
        catchThrowableOfType(
            CanaryPyApiException.class,
            () ->
                client.createRelease(
                    ReleaseRequest.builder("ce.jar", "not a version!").bandCount(0).build()));

    assertThat(notFound.isNotFound()).isTrue();
    assertThat(notFound.detail()).contains("9.9.9");
    assertThat(duplicate.isConflict()).isTrue();
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.fieldErrors()).isNotEmpty();
  }

  @Test
  void productNameWithSpacesAndPlus() {
    client.createProduct("a b+c", "https://git.example/abc", "abc.jar");
    client.createRelease(ReleaseRequest.builder("abc.jar", "1.0.0+build.7").build());

    assertThat(client.getRelease("a b+c", "1.0.0+build.7").product().name()).isEqualTo("a b+c");
    assertThat(client.getLatestStableVersion("abc.jar").semverVersion()).isEqualTo("1.0.0+build.7");
  }
}
