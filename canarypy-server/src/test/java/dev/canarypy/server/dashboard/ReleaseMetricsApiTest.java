package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.MutableClock;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.support.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /metrics/releases} against signals sent through the API: product A has stable 1.0.0
 * and canary 1.1.0 (two days in five bands), product B only stable 2.0.0. Signals arrive in two
 * hours ten hours apart, the first in band 1 and the second in band 2.
 */
@ServerTest
@Import(TestClockConfiguration.class)
class ReleaseMetricsApiTest {

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  Api api;
  String productA;
  String productB;
  String artifactA;
  String artifactB;
  Instant firstHour;
  Instant secondHour;

  @BeforeEach
  void sendSignalsInTwoHours() {
    api = new Api(port);
    // A week after the previous test's data, ten minutes into an hour.
    clock.set(clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS));
    clock.advance(Duration.ofMinutes(10));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    productA = "metrics a " + suffix;
    productB = "metrics b " + suffix;
    artifactA = "registry.example.com/metrics-a-" + suffix;
    artifactB = "registry.example.com/metrics-b-" + suffix;
    assertThat(api.createProduct(productA, artifactA).status()).isEqualTo(201);
    assertThat(api.createProduct(productB, artifactB).status()).isEqualTo(201);
    assertThat(api.createRelease(artifactA, "1.0.0", "").status()).isEqualTo(201);
    assertThat(api.createRelease(artifactA, "1.1.0", "\"band_count\": 5").status()).isEqualTo(201);
    assertThat(api.createRelease(artifactB, "2.0.0", "").status()).isEqualTo(201);

    firstHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    sendBatch(artifactA, "1.0.0", 5, 1);
    sendBatch(artifactA, "1.1.0", 3, 2);
    assertThat(api.sendSignal(artifactB, "2.0.0", "host-1", "success").status()).isEqualTo(201);
    sendBatch(artifactB, "2.0.0", 3, 0);

    // Band 2 of a two-day canary in five bands starts 9.6 hours after the canary.
    clock.advance(Duration.ofHours(10));
    secondHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    sendBatch(artifactA, "1.1.0", 2, 1);
    sendBatch(artifactA, "1.0.0", 6, 0);
  }

  @Test
  void productRowsMatchSignalsSent() {
    List<String> rows = rows("?product=" + Api.segment(productA));

    assertThat(rows)
        .containsExactly(
            row(productA, "1.0.0", firstHour, 1, false, 5, 1),
            row(productA, "1.1.0", firstHour, 1, true, 3, 2),
            row(productA, "1.0.0", secondHour, 2, false, 6, 0),
            row(productA, "1.1.0", secondHour, 2, true, 2, 1));
  }

  @Test
  void productWithoutCanaryCountsBandZero() {
    List<String> rows = rows("?product=" + Api.segment(productB));

    assertThat(rows).containsExactly(row(productB, "2.0.0", firstHour, 0, false, 4, 0));
  }

  @Test
  void unfilteredRowsCoverEveryProduct() {
    List<String> rows =
        rows("").stream()
            .filter(row -> row.startsWith(productA + "|") || row.startsWith(productB + "|"))
            .toList();

    assertThat(rows).hasSize(5);
    assertThat(rows).contains(row(productB, "2.0.0", firstHour, 0, false, 4, 0));
  }

  @Test
  void versionFilterKeepsOneRelease() {
    List<String> rows = rows("?product=" + Api.segment(productA) + "&semver_version=1.1.0");

    assertThat(rows)
        .containsExactly(
            row(productA, "1.1.0", firstHour, 1, true, 3, 2),
            row(productA, "1.1.0", secondHour, 2, true, 2, 1));
  }

  @Test
  void productFoundByArtifactUrl() {
    List<String> rows = rows("?product=" + Api.segment(artifactB));

    assertThat(rows).containsExactly(row(productB, "2.0.0", firstHour, 0, false, 4, 0));
  }

  @Test
  void fromKeepsHourThatContainsIt() {
    String product = "?product=" + Api.segment(productA);

    assertThat(rows(product + "&from=" + secondHour)).hasSize(2);
    assertThat(rows(product + "&from=" + secondHour.plus(Duration.ofMinutes(30)))).hasSize(2);
    assertThat(rows(product + "&from=" + secondHour.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void toExcludesHourThatStartsAtIt() {
    String product = "?product=" + Api.segment(productA);

    List<String> rows = rows(product + "&to=" + secondHour);

    assertThat(rows)
        .containsExactly(
            row(productA, "1.0.0", firstHour, 1, false, 5, 1),
            row(productA, "1.1.0", firstHour, 1, true, 3, 2));
    assertThat(rows(product + "&to=" + secondHour.plusSeconds(1))).hasSize(4);
  }

  @Test
  void zonelessAndOffsetTimestampsAreAccepted() {
    String product = "?product=" + Api.segment(productA);
    String zoneless = secondHour.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    String withOffset = secondHour.atOffset(ZoneOffset.ofHours(2)).toString();

    assertThat(rows(product + "&from=" + zoneless)).hasSize(2);
    assertThat(rows(product + "&from=" + Api.segment(withOffset))).hasSize(2);
    // An unencoded + arrives as a space and is read as the offset's sign.
    assertThat(rows(product + "&from=" + withOffset)).hasSize(2);
  }

  @Test
  void batchOfThousandAddsUp() {
    sendBatch(artifactA, "1.1.0", 900, 100);

    List<String> rows =
        rows("?product=" + Api.segment(productA) + "&semver_version=1.1.0&from=" + secondHour);

    assertThat(rows).containsExactly(row(productA, "1.1.0", secondHour, 2, true, 902, 101));
  }

  @Test
  void concurrentBatchesAddUp() throws Exception {
    clock.advance(Duration.ofHours(1));
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sends.add(pool.submit(() -> sendBatch(artifactB, "2.0.0", 40, 10)));
      }
      for (Future<?> send : sends) {
        send.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> rows = rows("?product=" + Api.segment(productB) + "&from=" + hour);

    assertThat(rows).containsExactly(row(productB, "2.0.0", hour, 0, false, 320, 80));
  }

  @Test
  void unknownProductIsNotFound() {
    Reply reply = api.get("/metrics/releases?product=" + Api.segment("no such product"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).contains("'no such product'");
  }

  @Test
  void unknownVersionOfProductIsNotFound() {
    Reply reply =
        api.get("/metrics/releases?product=" + Api.segment(productA) + "&semver_version=9.9.9");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).contains("has no release 9.9.9");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "from=yesterday                          | from",
        "to=2026-13-01T00:00:00Z                 | to",
        "from=2026-02-01&to=2026-01-01           | to",
        "from=2026-01-01T10:00:00Z&to=2026-01-01T10:00:00Z | to",
        "semver_version=a%20b                    | semver_version",
        "semver_version=1.0%3Cb%3E               | semver_version",
      })
  void badParameterIsRejected(String query, String parameter) {
    Reply reply = api.get("/metrics/releases?" + query);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    assertThat(reply.detail()).startsWith("Invalid request: " + parameter + " ");
  }

  private List<String> rows(String query) {
    Reply reply = api.get("/metrics/releases" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    for (JsonNode row : reply.json()) {
      rows.add(
          row(
              row.get("product").asString(),
              row.get("semver_version").asString(),
              Instant.parse(row.get("hour").asString()),
              row.get("band").asInt(),
              row.get("is_canary").asBoolean(),
              row.get("successes").asLong(),
              row.get("failures").asLong()));
    }
    return rows;
  }

  private static String row(
      String product,
      String version,
      Instant hour,
      int band,
      boolean canary,
      long successes,
      long failures) {
    return String.join(
        "|",
        product,
        version,
        hour.toString(),
        "band " + band,
        canary ? "canary" : "not canary",
        successes + " ok",
        failures + " failed");
  }

  /** Sends successes and failures of one release in one {@code POST /signals} request. */
  private void sendBatch(String artifact, String version, int successes, int failures) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < successes + failures; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"artifact_url\": ")
          .append(Api.quote(artifact))
          .append(", \"semver_version\": ")
          .append(Api.quote(version))
          .append(", \"instance_id\": \"host-")
          .append(i)
          .append("\", \"description\": \"\", \"status\": \"")
          .append(i < successes ? "success" : "failed")
          .append("\"}");
    }
    body.append(']');
    Reply reply = api.post("/signals", body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }
}
