package dev.canarypy.server.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.MutableClock;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.support.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The behaviour users of the original server rely on, driven through the REST API with a clock the
 * test moves: a product with stable 0.0.1 and canary 0.0.2 over two days in five bands.
 */
@ServerTest
@Import(TestClockConfiguration.class)
class CanaryScenarioTest {

  private static final Duration PERIOD = Duration.ofDays(2);
  private static final Duration BAND = PERIOD.dividedBy(5);

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired CanaryEvaluator evaluator;

  Api api;
  String product;
  String artifact;
  Instant start;

  @BeforeEach
  void createProductWithStableAndCanary() {
    api = new Api(port);
    // Each test starts its canary a week after the previous test's, so none overlaps another.
    clock.advance(Duration.ofDays(7));
    start = clock.instant();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    product = "scenario " + suffix;
    artifact = "registry.example.com/scenario-" + suffix;
    assertThat(api.createProduct(product, artifact).status()).isEqualTo(201);
    assertThat(api.createRelease(artifact, "0.0.1", "").status()).isEqualTo(201);
    assertThat(
            api.createRelease(
                    artifact,
                    "0.0.2",
                    "\"is_canary\": true, \"canary_period\": 2, \"band_count\": 5")
                .status())
        .isEqualTo(201);
  }

  @Test
  void firstReleaseIsStableAtOnce() {
    JsonNode first = release("0.0.1");

    assertThat(first.get("status").asString()).isEqualTo("stable");
    assertThat(first.get("is_canary").asBoolean()).isFalse();
    assertThat(release("0.0.2").get("status").asString()).isEqualTo("canary");
  }

  @Test
  void bandOneHandsOutTwentyOfHundred() {
    clock.set(start.plus(Duration.ofMinutes(1)));

    int canary = countCanaryAnswers(100);

    assertThat(canary).isEqualTo(20);
  }

  @Test
  void shareGrowsBandByBandThenPromotes() {
    for (int band = 1; band <= 5; band++) {
      clock.set(start.plus(BAND.multipliedBy(band - 1)).plus(Duration.ofMinutes(1)));

      int canary = 0;
      for (int call = 0; call < 100; call++) {
        JsonNode answer = api.latest(product).json();
        String version = answer.get("semver_version").asString();
        if (answer.get("is_canary").asBoolean()) {
          canary++;
        }
        assertThat(api.sendSignal(artifact, version, "job-" + call, "success").status())
            .isEqualTo(201);
      }

      assertThat(canary).as("canary answers in band %d", band).isEqualTo(20 * band);
      assertThat(release("0.0.2").get("status").asString()).isEqualTo("canary");
    }

    clock.set(start.plus(PERIOD).plus(Duration.ofMinutes(1)));
    evaluator.evaluateAll();

    assertThat(release("0.0.2").get("status").asString()).isEqualTo("stable");
    assertThat(release("0.0.1").get("status").asString()).isEqualTo("inactive");
    assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("0.0.2");
    assertThat(eventTypes("0.0.2")).containsExactly("created", "promoted");
  }

  @Test
  void failingCanaryIsRolledBack() {
    clock.set(start.plus(Duration.ofMinutes(1)));
    for (int run = 0; run < 20; run++) {
      api.sendSignal(artifact, "0.0.1", "stable-" + run, "success");
    }

    int sent = 0;
    while (release("0.0.2").get("status").asString().equals("canary") && sent < 50) {
      assertThat(api.sendSignal(artifact, "0.0.2", "canary-" + sent, "failed").status())
          .isEqualTo(201);
      sent++;
    }

    assertThat(release("0.0.2").get("status").asString()).isEqualTo("rolled_back");
    assertThat(sent).isBetween(3, 5);
    for (int call = 0; call < 100; call++) {
      assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("0.0.1");
    }
    JsonNode rollback = events("0.0.2").get(1);
    assertThat(rollback.get("type").asString()).isEqualTo("rolled_back");
    assertThat(rollback.get("actor").asString()).isEqualTo("auto");
    assertThat(rollback.get("verdict").asString()).isEqualTo("fail");
    assertThat(rollback.get("canary").get("failures").asLong()).isEqualTo(sent);
  }

  @Test
  void newReleasePromotesHealthyCanaryFirst() {
    clock.set(start.plus(Duration.ofHours(3)));
    for (int run = 0; run < 30; run++) {
      api.sendSignal(artifact, "0.0.2", "canary-" + run, "success");
      api.sendSignal(artifact, "0.0.1", "stable-" + run, "success");
    }

    Reply created = api.createRelease(artifact, "0.0.3", "");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("canary");
    assertThat(release("0.0.2").get("status").asString()).isEqualTo("stable");
    assertThat(release("0.0.1").get("status").asString()).isEqualTo("inactive");
    assertThat(eventTypes("0.0.2")).containsExactly("created", "promoted");
    assertThat(events("0.0.2").get(1).get("reason").asString()).contains("0.0.3");
  }

  @Test
  void newReleaseSupersedesUndecidedCanary() {
    clock.set(start.plus(Duration.ofHours(3)));
    api.sendSignal(artifact, "0.0.2", "canary-1", "success");

    api.createRelease(artifact, "0.0.3", "");

    assertThat(release("0.0.2").get("status").asString()).isEqualTo("superseded");
    assertThat(release("0.0.1").get("status").asString()).isEqualTo("stable");
    assertThat(release("0.0.3").get("status").asString()).isEqualTo("canary");
  }

  @Test
  void fullRolloutBecomesStableAtOnce() {
    Reply created = api.createRelease(artifact, "0.0.3", "\"is_canary\": false");

    assertThat(created.json().get("status").asString()).isEqualTo("stable");
    assertThat(release("0.0.1").get("status").asString()).isEqualTo("inactive");
    assertThat(release("0.0.2").get("status").asString()).isEqualTo("superseded");
    assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("0.0.3");
  }

  @Test
  void canaryGetsNothingBeforeReleaseDate() {
    api.createRelease(
        artifact,
        "0.0.3",
        "\"release_date\": " + Api.quote(start.plus(Duration.ofDays(1)).toString()));

    for (int call = 0; call < 20; call++) {
      assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("0.0.1");
    }
  }

  @Test
  void stickyAnswerHoldsWithinAndAcrossBands() {
    clock.set(start.plus(Duration.ofMinutes(1)));
    int instances = 300;
    boolean[] gotCanary = new boolean[instances];
    int canaryInBandOne = 0;
    for (int i = 0; i < instances; i++) {
      String first = latestFor("worker-" + i);
      String second = latestFor("worker-" + i);
      assertThat(second).as("repeat answer of worker-%d", i).isEqualTo(first);
      gotCanary[i] = first.equals("0.0.2");
      canaryInBandOne += gotCanary[i] ? 1 : 0;
    }
    assertThat(canaryInBandOne).isBetween(30, 90);

    clock.set(start.plus(BAND.multipliedBy(2)).plus(Duration.ofMinutes(1)));
    int canaryInBandThree = 0;
    for (int i = 0; i < instances; i++) {
      String answer = latestFor("worker-" + i);
      if (gotCanary[i]) {
        assertThat(answer).as("worker-%d keeps the canary", i).isEqualTo("0.0.2");
      }
      canaryInBandThree += answer.equals("0.0.2") ? 1 : 0;
    }
    assertThat(canaryInBandThree).isGreaterThan(canaryInBandOne);
  }

  @Test
  void inconclusiveCanaryPausesAfterTwoPeriods() {
    clock.set(start.plus(PERIOD).plus(Duration.ofMinutes(1)));
    evaluator.evaluateAll();
    assertThat(release("0.0.2").get("status").asString()).isEqualTo("canary");
    assertThat(release("0.0.2").get("band").get("target_share").asDouble()).isEqualTo(1.0);

    clock.set(start.plus(PERIOD.multipliedBy(2)).plus(Duration.ofMinutes(1)));
    evaluator.evaluateAll();

    assertThat(release("0.0.2").get("status").asString()).isEqualTo("paused");
    assertThat(eventTypes("0.0.2")).containsExactly("created", "paused");
  }

  private int countCanaryAnswers(int calls) {
    int canary = 0;
    for (int call = 0; call < calls; call++) {
      if (api.latest(product).json().get("is_canary").asBoolean()) {
        canary++;
      }
    }
    return canary;
  }

  private String latestFor(String instanceId) {
    return api.get("/release/" + Api.segment(product) + "/latest?instance_id=" + instanceId)
        .json()
        .get("semver_version")
        .asString();
  }

  private JsonNode release(String version) {
    Reply reply = api.get("/release/" + Api.segment(product) + "/" + version);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode events(String version) {
    return api.get("/release/" + Api.segment(product) + "/" + version + "/events").json();
  }

  private java.util.List<String> eventTypes(String version) {
    return events(version).findValuesAsString("type");
  }
}
