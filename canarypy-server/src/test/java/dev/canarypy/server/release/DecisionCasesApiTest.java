package dev.canarypy.server.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.core.lifecycle.DecisionCases;
import dev.canarypy.core.lifecycle.DecisionCases.DecisionCase;
import dev.canarypy.core.lifecycle.DecisionType;
import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.MutableClock;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.support.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Runs the engine's table of lifecycle decision cases through the REST API: the counts arrive as
 * signals, the clock moves to the case's time, and the evaluator decides.
 */
@ServerTest
@Import(TestClockConfiguration.class)
class DecisionCasesApiTest {

  private static final Map<DecisionType, String> STATUS_AFTER =
      Map.of(
          DecisionType.NONE, "canary",
          DecisionType.PROMOTE, "stable",
          DecisionType.ROLL_BACK, "rolled_back",
          DecisionType.PAUSE, "paused");

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired CanaryEvaluator evaluator;

  static Stream<DecisionCase> cases() {
    return DecisionCases.load().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decisionMatchesEngineTable(DecisionCase decisionCase) {
    Api api = new Api(port);
    // A month apart, so no case's canary is still in its period during another case.
    clock.advance(Duration.ofDays(30));
    Instant releaseDate = clock.instant();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String product = "case " + suffix;
    String artifact = "registry.example.com/case-" + suffix;
    api.createProduct(product, artifact);
    api.createRelease(artifact, "1.0.0", "");
    Reply canary =
        api.createRelease(
            artifact,
            "2.0.0",
            "\"canary_period\": "
                + decisionCase.canaryPeriodDays()
                + ", \"band_count\": "
                + decisionCase.bandCount()
                + ", \"release_date\": "
                + Api.quote(releaseDate.toString()));
    assertThat(canary.status()).as(canary.body()).isEqualTo(201);

    List<String> signals = new ArrayList<>();
    addSignals(signals, artifact, "2.0.0", decisionCase.canary().successes(), "success");
    addSignals(signals, artifact, "2.0.0", decisionCase.canary().failures(), "failed");
    addSignals(signals, artifact, "1.0.0", decisionCase.stable().successes(), "success");
    addSignals(signals, artifact, "1.0.0", decisionCase.stable().failures(), "failed");
    if (!signals.isEmpty()) {
      // One batch, so the request path evaluates the canary once, on all the case's counts.
      Reply stored = api.post("/signals", "[" + String.join(",", signals) + "]");
      assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }
    clock.set(decisionCase.evaluatedAt(releaseDate));
    evaluator.evaluateAll();

    JsonNode release = api.get("/release/" + Api.segment(product) + "/2.0.0").json();
    assertThat(release.get("status").asString())
        .isEqualTo(STATUS_AFTER.get(decisionCase.expectedDecision()));
    assertThat(release.get("analysis").get("verdict").asString())
        .isEqualTo(decisionCase.expectedVerdict().name().toLowerCase(Locale.ROOT));
  }

  private static void addSignals(
      List<String> signals, String artifact, String version, long count, String status) {
    for (long i = 0; i < count; i++) {
      signals.add(
          "{\"artifact_url\": "
              + Api.quote(artifact)
              + ", \"semver_version\": \""
              + version
              + "\", \"instance_id\": \"run-"
              + i
              + "\", \"description\": \"\", \"status\": \""
              + status
              + "\"}");
    }
  }
}
