package dev.canarypy.server.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Reading releases and the manual promote, rollback, pause and resume. */
@ServerTest
class ReleaseApiTest {

  @LocalServerPort int port;
  Api api;
  String product;
  String artifact;
  String path;

  @BeforeEach
  void createProductWithStableAndCanary() {
    api = new Api(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    product = "release api " + suffix;
    artifact = "registry.example.com/release-api-" + suffix;
    path = "/release/" + Api.segment(product);
    api.createProduct(product, artifact);
    api.createRelease(artifact, "1.0.0", "");
    api.createRelease(
        artifact, "1.1.0", "\"threshold\": 90, \"min_signals\": 20, \"tolerance\": 2");
  }

  @Test
  void createdReleaseCarriesSettingsBandAndAnalysis() {
    JsonNode canary = api.get(path + "/1.1.0").json();

    assertThat(canary.get("semver_version").asString()).isEqualTo("1.1.0");
    assertThat(canary.get("product").get("name").asString()).isEqualTo(product);
    assertThat(canary.get("status").asString()).isEqualTo("canary");
    assertThat(canary.get("is_canary").asBoolean()).isTrue();
    assertThat(canary.get("is_active").asBoolean()).isTrue();
    assertThat(canary.get("canary_period").asDouble()).isEqualTo(2.0);
    assertThat(canary.get("band_count").asInt()).isEqualTo(5);
    assertThat(canary.get("threshold").asDouble()).isEqualTo(90.0);
    assertThat(canary.get("min_signals").asInt()).isEqualTo(20);
    assertThat(canary.get("tolerance").asDouble()).isEqualTo(2.0);
    assertThat(canary.get("band").get("number").asInt()).isEqualTo(1);
    assertThat(canary.get("band").get("target_share").asDouble()).isEqualTo(0.2);
    assertThat(canary.get("analysis").get("verdict").asString()).isEqualTo("inconclusive");
    assertThat(canary.get("analysis").get("missing_signals").asLong()).isEqualTo(20);
  }

  @Test
  void listIsNewestFirst() {
    List<String> versions = api.get(path).json().findValuesAsString("semver_version");

    assertThat(versions).containsExactly("1.1.0", "1.0.0");
  }

  @Test
  void stableEndpointReturnsStable() {
    Reply stable = api.get(path + "/stable");

    assertThat(stable.status()).as(stable.body()).isEqualTo(200);
    assertThat(stable.json().get("semver_version").asString()).isEqualTo("1.0.0");
  }

  @Test
  void latestFindsProductByArtifactUrl() {
    Reply latest = api.get("/release/" + Api.segment(artifact) + "/latest");

    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.json().get("product").get("name").asString()).isEqualTo(product);
  }

  @Test
  void manualPromoteRecordsActorAndReason() {
    Reply promoted =
        api.post(path + "/1.1.0/promote", "{\"reason\": \"looks good\", \"actor\": \"alice\"}");

    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().get("status").asString()).isEqualTo("stable");
    assertThat(api.get(path + "/1.0.0").json().get("status").asString()).isEqualTo("inactive");
    JsonNode event = api.get(path + "/1.1.0/events").json().get(1);
    assertThat(event.get("type").asString()).isEqualTo("promoted");
    assertThat(event.get("actor").asString()).isEqualTo("alice");
    assertThat(event.get("reason").asString()).isEqualTo("looks good");
    assertThat(event.get("from_status").asString()).isEqualTo("canary");
    assertThat(event.get("to_status").asString()).isEqualTo("stable");
  }

  @Test
  void manualRollbackStopsServingCanary() {
    Reply rolledBack = api.post(path + "/1.1.0/rollback", "");

    assertThat(rolledBack.status()).isEqualTo(200);
    assertThat(rolledBack.json().get("status").asString()).isEqualTo("rolled_back");
    for (int call = 0; call < 20; call++) {
      assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("1.0.0");
    }
    assertThat(api.get(path + "/1.1.0/events").json().get(1).get("actor").asString())
        .isEqualTo("api");
  }

  @Test
  void pauseKeepsShareAndResumeContinues() {
    Reply paused = api.post(path + "/1.1.0/pause", "{\"reason\": \"investigating\"}");

    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().get("status").asString()).isEqualTo("paused");
    assertThat(paused.json().get("band").get("target_share").asDouble()).isEqualTo(0.2);
    int canary = 0;
    for (int call = 0; call < 50; call++) {
      canary += api.latest(product).json().get("is_canary").asBoolean() ? 1 : 0;
    }
    assertThat(canary).isEqualTo(10);

    Reply resumed = api.post(path + "/1.1.0/resume", "");

    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.json().get("status").asString()).isEqualTo("canary");
    assertThat(api.get(path + "/1.1.0/events").json().findValuesAsString("type"))
        .containsExactly("created", "paused", "resumed");
  }

  @Test
  void actionsNotAllowedInStatusAreConflicts() {
    Reply promoteStable = api.post(path + "/1.0.0/promote", "");
    Reply resumeCanary = api.post(path + "/1.1.0/resume", "");
    Reply rollbackOnlyStable = api.post(path + "/1.0.0/rollback", "");

    assertThat(promoteStable.status()).isEqualTo(409);
    assertThat(promoteStable.detail()).contains("1.0.0").contains("stable").contains("promote");
    assertThat(resumeCanary.status()).isEqualTo(409);
    assertThat(resumeCanary.detail()).contains("resume applies only to a paused release");
    assertThat(rollbackOnlyStable.status()).isEqualTo(409);
    assertThat(rollbackOnlyStable.detail()).contains("canary in flight");
  }

  @Test
  void stableRollbackRestoresPreviousStable() {
    api.post(path + "/1.1.0/promote", "");

    Reply rolledBack = api.post(path + "/1.1.0/rollback", "{\"reason\": \"bad in production\"}");

    assertThat(rolledBack.status()).isEqualTo(200);
    assertThat(rolledBack.json().get("status").asString()).isEqualTo("rolled_back");
    assertThat(api.get(path + "/1.0.0").json().get("status").asString()).isEqualTo("stable");
    assertThat(api.latest(product).json().get("semver_version").asString()).isEqualTo("1.0.0");
  }
}
