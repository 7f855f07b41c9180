package dev.canarypy.server.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.CanaryPyServerApplication;
import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.MutableClock;
import dev.canarypy.server.support.TestClockConfiguration;
import dev.canarypy.server.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances on one database, each with its own connection pool and release cache, as two
 * replicas behind a load balancer: every decision must happen exactly once.
 */
@Tag("database")
class TwoReplicaTest {

  private static final MutableClock CLOCK = new MutableClock(TestClockConfiguration.START);
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static ExecutorService pool;

  private Api replicaA;
  private Api replicaB;
  private String product;
  private String artifact;

  @BeforeAll
  static void startReplicas() {
    String database = TestDatabase.createDatabase();
    first = startReplica(database);
    second = startReplica(database);
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stopReplicas() {
    pool.shutdownNow();
    first.close();
    second.close();
  }

  private static ConfigurableApplicationContext startReplica(String database) {
    return new SpringApplicationBuilder(CanaryPyServerApplication.class)
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean(
                        "replicaClock",
                        Clock.class,
                        () -> CLOCK,
                        definition -> definition.setPrimary(true)))
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--CANARYPY_DB_CONN_STRING=" + database,
            "--canarypy.evaluator.interval=1h",
            "--logging.level.root=warn",
            "--logging.level.dev.canarypy=info");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @BeforeEach
  void createProductWithCanary() {
    replicaA = new Api(port(first));
    replicaB = new Api(port(second));
    CLOCK.advance(Duration.ofDays(7));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    product = "replicated " + suffix;
    artifact = "registry.example.com/replicated-" + suffix;
    assertThat(replicaA.createProduct(product, artifact).status()).isEqualTo(201);
    assertThat(replicaA.createRelease(artifact, "1.0.0", "").status()).isEqualTo(201);
    assertThat(replicaB.createRelease(artifact, "1.1.0", "").status()).isEqualTo(201);
  }

  @Test
  void failingCanaryRolledBackOnce() throws Exception {
    List<Callable<Integer>> senders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Api replica = i % 2 == 0 ? replicaA : replicaB;
      String instance = "job-" + i;
      senders.add(() -> replica.sendSignal(artifact, "1.1.0", instance, "failed").status());
    }

    for (Future<Integer> status : pool.invokeAll(senders, 60, TimeUnit.SECONDS)) {
      assertThat(status.get()).isEqualTo(201);
    }

    assertThat(status(replicaB, "1.1.0")).isEqualTo("rolled_back");
    assertThat(eventCount("1.1.0", "rolled_back")).isEqualTo(1);
    assertThat(release(replicaA, "1.1.0").get("signals").get("failures").asLong()).isEqualTo(40);
  }

  @Test
  void healthyCanaryPromotedOnce() throws Exception {
    for (int i = 0; i < 20; i++) {
      replicaA.sendSignal(artifact, "1.1.0", "job-" + i, "success");
      replicaB.sendSignal(artifact, "1.0.0", "job-" + i, "success");
    }
    CLOCK.advance(Duration.ofDays(2).plusMinutes(1));

    List<Callable<Integer>> evaluations = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ConfigurableApplicationContext replica = i % 2 == 0 ? first : second;
      evaluations.add(() -> replica.getBean(CanaryEvaluator.class).evaluateAll());
    }
    int decisions = 0;
    for (Future<Integer> result : pool.invokeAll(evaluations, 60, TimeUnit.SECONDS)) {
      decisions += result.get();
    }

    assertThat(decisions).isEqualTo(1);
    assertThat(eventCount("1.1.0", "promoted")).isEqualTo(1);
    assertThat(eventCount("1.0.0", "replaced")).isEqualTo(1);
    assertThat(status(replicaA, "1.1.0")).isEqualTo("stable");
    assertThat(status(replicaB, "1.0.0")).isEqualTo("inactive");
  }

  @Test
  void concurrentReleasesLeaveOneCanary() throws Exception {
    List<Callable<Integer>> creations = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Api replica = i % 2 == 0 ? replicaA : replicaB;
      String version = "2.0." + i;
      creations.add(() -> replica.createRelease(artifact, version, "").status());
    }

    for (Future<Integer> status : pool.invokeAll(creations, 60, TimeUnit.SECONDS)) {
      assertThat(status.get()).isEqualTo(201);
    }

    JsonNode releases = replicaA.get("/release/" + Api.segment(product)).json();
    List<String> statuses = releases.findValuesAsString("status");
    assertThat(statuses).hasSize(8);
    assertThat(statuses.stream().filter("canary"::equals)).hasSize(1);
    assertThat(statuses.stream().filter("stable"::equals)).hasSize(1);
    assertThat(statuses.stream().filter("superseded"::equals)).hasSize(6);
  }

  @Test
  void concurrentSignalsAllCounted() throws Exception {
    List<Callable<Integer>> senders = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Api replica = i % 2 == 0 ? replicaA : replicaB;
      String instance = "job-" + i;
      senders.add(() -> replica.sendSignal(artifact, "1.0.0", instance, "success").status());
    }

    for (Future<Integer> status : pool.invokeAll(senders, 60, TimeUnit.SECONDS)) {
      assertThat(status.get()).isEqualTo(201);
    }

    assertThat(release(replicaB, "1.0.0").get("signals").get("successes").asLong()).isEqualTo(100);
    JsonNode stored =
        replicaA
            .get("/signal?product=" + Api.segment(product) + "&semver_version=1.0.0&limit=1000")
            .json();
    assertThat(stored.size()).isEqualTo(100);
  }

  private JsonNode release(Api replica, String version) {
    return replica.get("/release/" + Api.segment(product) + "/" + version).json();
  }

  private String status(Api replica, String version) {
    return release(replica, version).get("status").asString();
  }

  private long eventCount(String version, String type) {
    JsonNode events =
        replicaA.get("/release/" + Api.segment(product) + "/" + version + "/events").json();
    return events.findValuesAsString("type").stream().filter(type::equals).count();
  }
}
