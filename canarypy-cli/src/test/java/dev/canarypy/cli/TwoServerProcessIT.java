package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.ScratchDatabase;
import dev.canarypy.cli.support.ServerProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two {@code canarypy api start} processes on one PostgreSQL database, as two replicas behind a
 * load balancer. Threads split their requests across both while products and releases are created:
 * {@code latest} with and without an instance id, {@code POST /signal} and {@code POST /signals}.
 * Every automatic decision must be made exactly once, every acknowledged signal stored once, and
 * each replica's counter-based canary share must stay within one response of the target.
 */
class TwoServerProcessIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int REPLICAS = 2;
  private static final int LOAD_THREADS = 6;
  private static final int MAX_REQUESTS_PER_THREAD = 1_500;

  /** How long the load runs at most, and how long the test waits for the canaries' decisions. */
  private static final long MAX_LOAD_MILLIS = 30_000;

  private static final int MAX_BATCH_SIZE = 25;
  private static final int INSTANCES = 40;
  private static final long SEED = 20261204L;
  private static final String STABLE = "1.0.0";
  private static final String CANARY = "1.1.0";

  /** The decision each product's canary is driven to, with its release fields and signal status. */
  private enum Outcome {
    // 0.0001 days is 8.64 s, so the canary's period ends while the load runs.
    PROMOTED("\"canary_period\": 0.0001, \"band_count\": 2, \"min_signals\": 20", "success"),
    ROLLED_BACK("\"canary_period\": 1, \"band_count\": 2, \"min_signals\": 20", "failed"),
    UNDECIDED("\"canary_period\": 1, \"band_count\": 3, \"min_signals\": 1000000", "success");

    private final String releaseFields;
    private final String canaryStatus;

    Outcome(String releaseFields, String canaryStatus) {
      this.releaseFields = releaseFields;
      this.canaryStatus = canaryStatus;
    }
  }

  private record TestProduct(String name, String artifactUrl, Outcome outcome) {}

  /** Groups counter-based {@code latest} responses by product, replica and band. */
  private record ShareKey(String product, int replica, int band) {}

  /** Counts of counter-based {@code latest} responses in one band of one replica. */
  private static final class ShareTally {
    final double share;
    final LongAdder answers = new LongAdder();
    final LongAdder canaryAnswers = new LongAdder();

    ShareTally(double share) {
      this.share = share;
    }
  }

  private final List<ServerProcess> servers = new ArrayList<>();
  private final List<TestProduct> products = new ArrayList<>();
  private final Set<String> readyProducts = ConcurrentHashMap.newKeySet();

  /**
   * Failed requests and inconsistent responses that load threads found, asserted empty at the end.
   */
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();

  private final Map<String, LongAdder> acknowledgedByRelease = new ConcurrentHashMap<>();
  private final Map<ShareKey, ShareTally> shares = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> stickyVersions = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requestsByKind = new ConcurrentHashMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();

  @Test
  void twoServersDecideOnceKeepSignals() throws Exception {
    for (Outcome outcome : Outcome.values()) {
      for (int i = 0; i < 2; i++) {
        String name = "replicas-" + outcome.name().toLowerCase().replace('_', '-') + "-" + i;
        products.add(new TestProduct(name, "registry.example.com/" + name, outcome));
      }
    }

    try (ScratchDatabase database = ScratchDatabase.create("canarypy_replicas_")) {
      Map<String, String> environment = new HashMap<>(database.environment());
      // The evaluator must find the promoted canaries soon after their period ends.
      environment.put("CANARYPY_EVALUATOR_INTERVAL", "250ms");
      try {
        // Both launch before either is ready, so their Flyway migrations of the new database race.
        for (int i = 0; i < REPLICAS; i++) {
          servers.add(ServerProcess.launch(environment));
        }
        for (ServerProcess server : servers) {
          server.awaitReady();
        }
        runLoadUntilDecided();
        // About four more evaluator runs on each replica, which must not decide a release again.
        Thread.sleep(1_000);
        checkDecisions();
        checkStoredSignals(database);
        checkCanaryShares();
      } finally {
        for (ServerProcess server : servers) {
          server.close();
        }
      }
    }
  }

  private void runLoadUntilDecided() throws Exception {
    long deadline = System.currentTimeMillis() + MAX_LOAD_MILLIS;
    ExecutorService setup = Executors.newFixedThreadPool(3);
    ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
    try {
      List<Future<?>> setups = new ArrayList<>();
      for (int i = 0; i < products.size(); i++) {
        int index = i;
        setups.add(setup.submit(() -> createReleases(index)));
      }
      List<Future<?>> loads = new ArrayList<>();
      for (int i = 0; i < LOAD_THREADS; i++) {
        Random random = new Random(SEED + i);
        loads.add(load.submit(() -> sendLoad(random, deadline)));
      }

      for (Future<?> created : setups) {
        created.get(MAX_LOAD_MILLIS, TimeUnit.MILLISECONDS);
      }
      while (!allDecided() && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }
      stop.set(true);
      for (Future<?> sent : loads) {
        sent.get(60, TimeUnit.SECONDS);
      }
    } finally {
      stop.set(true);
      setup.shutdownNow();
      load.shutdownNow();
    }

    System.out.printf(
        "Two-process test: requests %s, canary share groups %d%n", requestsByKind, shares.size());
  }

  /** Creates product {@code index} with a stable and a canary release, alternating the replicas. */
  private Void createReleases(int index) throws Exception {
    TestProduct product = products.get(index);
    ServerProcess first = servers.get(index % REPLICAS);
    ServerProcess second = servers.get((index + 1) % REPLICAS);
    expectCreated(
        first,
        "/product",
        "{\"name\": \""
            + product.name()
            + "\", \"repository_url\": \"https://git.example.com/"
            + product.name()
            + "\", \"artifact_url\": \""
            + product.artifactUrl()
            + "\"}");
    expectCreated(second, "/release", releaseBody(product, STABLE, ""));
    expectCreated(
        first, "/release", releaseBody(product, CANARY, ", " + product.outcome().releaseFields));
    readyProducts.add(product.name());
    return null;
  }

  private static String releaseBody(TestProduct product, String version, String moreFields) {
    return "{\"artifact_url\": \""
        + product.artifactUrl()
        + "\", \"semver_version\": \""
        + version
        + "\""
        + moreFields
        + "}";
  }

  private static void expectCreated(ServerProcess server, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> reply = server.request("POST", path, body);
    assertThat(reply.statusCode()).as("POST %s %s: %s", path, body, reply.body()).isEqualTo(201);
  }

  private Void sendLoad(Random random, long deadline) throws InterruptedException {
    for (int i = 0;
        i < MAX_REQUESTS_PER_THREAD && !stop.get() && System.currentTimeMillis() < deadline;
        i++) {
      List<TestProduct> ready =
          products.stream().filter(product -> readyProducts.contains(product.name())).toList();
      if (ready.isEmpty()) {
        Thread.sleep(20);
        continue;
      }
      TestProduct product = ready.get(random.nextInt(ready.size()));
      int replica = random.nextInt(REPLICAS);
      int kind = random.nextInt(100);
      try {
        if (kind < 40) {
          askLatest(product, replica);
        } else if (kind < 60) {
          askLatestSticky(product, replica, "job-" + random.nextInt(INSTANCES));
        } else if (kind < 85) {
          sendSignal(product, replica, random);
        } else {
          sendBatch(product, replica, random);
        }
      } catch (IOException failure) {
        problems.add("request to replica " + replica + " failed: " + failure);
      }
    }
    return null;
  }

  private void askLatest(TestProduct product, int replica)
      throws IOException, InterruptedException {
    JsonNode answer = latest(product, replica, "", "latest");
    if (answer == null || !answer.hasNonNull("band")) {
      // No canary in flight in this replica's view, so its allocator did not count the response.
      return;
    }
    double share = answer.path("target_share").asDouble();
    ShareTally tally =
        shares.computeIfAbsent(
            new ShareKey(product.name(), replica, answer.path("band").asInt()),
            key -> new ShareTally(share));
    if (tally.share != share) {
      problems.add(
          "band of " + product.name() + " answered shares " + tally.share + " and " + share);
    }
    tally.answers.increment();
    if (answer.path("is_canary").asBoolean()) {
      tally.canaryAnswers.increment();
    }
  }

  private void askLatestSticky(TestProduct product, int replica, String instance)
      throws IOException, InterruptedException {
    JsonNode answer = latest(product, replica, "?instance_id=" + instance, "latest sticky");
    if (answer == null || !answer.hasNonNull("band")) {
      return;
    }
    String key = product.name() + " band " + answer.path("band").asInt() + " " + instance;
    stickyVersions
        .computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet())
        .add(answer.path("semver_version").asString());
  }

  private JsonNode latest(TestProduct product, int replica, String query, String kind)
      throws IOException, InterruptedException {
    count(kind);
    HttpResponse<String> reply =
        servers
            .get(replica)
            .request("GET", "/release/" + encode(product.name()) + "/latest" + query, null);
    if (reply.statusCode() != 200) {
      problems.add("GET latest" + query + " of " + product.name() + ": " + reply.statusCode());
      return null;
    }
    return JSON.readTree(reply.body());
  }

  private void sendSignal(TestProduct product, int replica, Random random)
      throws IOException, InterruptedException {
    count("signal");
    String version = random.nextBoolean() ? CANARY : STABLE;
    HttpResponse<String> reply =
        servers.get(replica).request("POST", "/signal", signalBody(product, version, random));
    if (reply.statusCode() / 100 == 2) {
      acknowledged(product, version).increment();
    } else {
      problems.add(
          "POST /signal for " + product.name() + ": " + reply.statusCode() + " " + reply.body());
    }
  }

  private void sendBatch(TestProduct product, int replica, Random random)
      throws IOException, InterruptedException {
    count("batch");
    int size = 1 + random.nextInt(MAX_BATCH_SIZE);
    Map<String, Integer> sizeByVersion = new HashMap<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String version = random.nextBoolean() ? CANARY : STABLE;
      sizeByVersion.merge(version, 1, Integer::sum);
      bodies.add(signalBody(product, version, random));
    }
    HttpResponse<String> reply =
        servers.get(replica).request("POST", "/signals", "[" + String.join(", ", bodies) + "]");
    if (reply.statusCode() / 100 != 2) {
      problems.add(
          "POST /signals for " + product.name() + ": " + reply.statusCode() + " " + reply.body());
      return;
    }
    int accepted = JSON.readTree(reply.body()).path("accepted").asInt();
    if (accepted != size) {
      // A batch is stored whole or not at all, so a partial count is a bug.
      problems.add("POST /signals of " + size + " signals accepted " + accepted);
      return;
    }
    sizeByVersion.forEach((version, signals) -> acknowledged(product, version).add(signals));
  }

  private static String signalBody(TestProduct product, String version, Random random) {
    String status = CANARY.equals(version) ? product.outcome().canaryStatus : "success";
    return "{\"artifact_url\": \""
        + product.artifactUrl()
        + "\", \"semver_version\": \""
        + version
        + "\", \"instance_id\": \"job-"
        + random.nextInt(INSTANCES)
        + "\", \"description\": \"two-process load\", \"status\": \""
        + status
        + "\"}";
  }

  private boolean allDecided() throws IOException, InterruptedException {
    for (TestProduct product : products) {
      if (product.outcome() == Outcome.UNDECIDED) {
        continue;
      }
      HttpResponse<String> reply =
          servers.get(0).request("GET", "/release/" + encode(product.name()) + "/" + CANARY, null);
      if (reply.statusCode() != 200
          || "canary".equals(JSON.readTree(reply.body()).path("status").asString())) {
        return false;
      }
    }
    return true;
  }

  private void checkDecisions() throws IOException, InterruptedException {
    assertThat(List.copyOf(problems)).as("failed requests and inconsistent answers").isEmpty();
    for (TestProduct product : products) {
      List<String> canaryEvents = eventTypes(product, CANARY);
      long promoted = canaryEvents.stream().filter("promoted"::equals).count();
      long rolledBack = canaryEvents.stream().filter("rolled_back"::equals).count();
      String status = release(product, CANARY).path("status").asString();
      switch (product.outcome()) {
        case PROMOTED -> {
          assertThat(promoted).as("promoted events of %s", product.name()).isEqualTo(1);
          assertThat(rolledBack).as("rolled_back events of %s", product.name()).isZero();
          assertThat(status).as("status of %s %s", product.name(), CANARY).isEqualTo("stable");
          assertThat(eventTypes(product, STABLE).stream().filter("replaced"::equals).count())
              .as("replaced events of %s %s", product.name(), STABLE)
              .isEqualTo(1);
        }
        case ROLLED_BACK -> {
          assertThat(rolledBack).as("rolled_back events of %s", product.name()).isEqualTo(1);
          assertThat(promoted).as("promoted events of %s", product.name()).isZero();
          assertThat(status).as("status of %s %s", product.name(), CANARY).isEqualTo("rolled_back");
        }
        case UNDECIDED -> {
          assertThat(promoted + rolledBack).as("decisions on %s", product.name()).isZero();
          assertThat(status).as("status of %s %s", product.name(), CANARY).isEqualTo("canary");
        }
      }
    }
  }

  private void checkStoredSignals(ScratchDatabase database) throws Exception {
    long total = 0;
    for (TestProduct product : products) {
      for (String version : List.of(STABLE, CANARY)) {
        long acknowledged = acknowledged(product, version).sum();
        total += acknowledged;
        // Each replica reads the release from the database, so both counters must agree.
        for (int replica = 0; replica < REPLICAS; replica++) {
          JsonNode counters = release(product, version, replica).path("signals");
          assertThat(counters.path("successes").asLong() + counters.path("failures").asLong())
              .as("signal counters of %s %s on replica %d", product.name(), version, replica)
              .isEqualTo(acknowledged);
        }
        long rows =
            database.queryLong(
                "SELECT count(*) FROM signals s JOIN releases r ON r.id = s.release_id"
                    + " JOIN products p ON p.id = r.product_id"
                    + " WHERE p.name = ? AND r.semver_version = ?",
                product.name(),
                version);
        assertThat(rows)
            .as("stored signals of %s %s", product.name(), version)
            .isEqualTo(acknowledged);
      }
    }
    System.out.printf("Two-process test: %d signals acknowledged and stored%n", total);
    assertThat(total).as("acknowledged signals").isPositive();
  }

  private void checkCanaryShares() {
    Map<String, long[]> byBand = new HashMap<>();
    Map<String, Double> shareByBand = new HashMap<>();
    long answers = 0;
    for (Map.Entry<ShareKey, ShareTally> entry : shares.entrySet()) {
      ShareKey key = entry.getKey();
      ShareTally tally = entry.getValue();
      long m = tally.answers.sum();
      long canaries = tally.canaryAnswers.sum();
      answers += m;
      // One replica hands out the canary round(m * share) times after m responses in a band.
      assertThat(Math.abs(canaries - Math.round(m * tally.share)))
          .as("canary answers of %s minus round(%d x %s)", key, m, tally.share)
          .isLessThanOrEqualTo(1);

      String band = key.product() + " band " + key.band();
      long[] sums = byBand.computeIfAbsent(band, ignored -> new long[2]);
      sums[0] += m;
      sums[1] += canaries;
      shareByBand.put(band, tally.share);
    }
    for (Map.Entry<String, long[]> entry : byBand.entrySet()) {
      long m = entry.getValue()[0];
      long canaries = entry.getValue()[1];
      double share = shareByBand.get(entry.getKey());
      // Each replica keeps its own count, so together they may be off by one response per replica.
      assertThat(Math.abs(canaries - m * share))
          .as("canary answers of %s minus %d x %s over both replicas", entry.getKey(), m, share)
          .isLessThanOrEqualTo(REPLICAS);
    }
    for (Map.Entry<String, Set<String>> entry : stickyVersions.entrySet()) {
      assertThat(entry.getValue()).as("versions answered to %s", entry.getKey()).hasSize(1);
    }
    System.out.printf(
        "Two-process test: %d counter-based latest answers in %d bands, %d sticky instances%n",
        answers, byBand.size(), stickyVersions.size());
    assertThat(answers).as("counter-based latest answers during a canary").isGreaterThan(100);
  }

  private List<String> eventTypes(TestProduct product, String version)
      throws IOException, InterruptedException {
    HttpResponse<String> reply =
        servers
            .get(0)
            .request("GET", "/release/" + encode(product.name()) + "/" + version + "/events", null);
    assertThat(reply.statusCode()).as("events of %s %s", product.name(), version).isEqualTo(200);
    return JSON.readTree(reply.body()).findValuesAsString("type");
  }

  private JsonNode release(TestProduct product, String version)
      throws IOException, InterruptedException {
    return release(product, version, 0);
  }

  private JsonNode release(TestProduct product, String version, int replica)
      throws IOException, InterruptedException {
    HttpResponse<String> reply =
        servers
            .get(replica)
            .request("GET", "/release/" + encode(product.name()) + "/" + version, null);
    assertThat(reply.statusCode()).as("release %s %s", product.name(), version).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private LongAdder acknowledged(TestProduct product, String version) {
    return acknowledgedByRelease.computeIfAbsent(
        product.name() + " " + version, ignored -> new LongAdder());
  }

  private void count(String kind) {
    requestsByKind.computeIfAbsent(kind, ignored -> new LongAdder()).increment();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
