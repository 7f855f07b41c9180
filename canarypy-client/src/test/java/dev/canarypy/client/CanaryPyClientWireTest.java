package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.client.StubServer.Reply;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the requests the client sends and how it reads the server's JSON. */
class CanaryPyClientWireTest {

  private static final String RELEASE =
      """
      {"id":"0b8e","semver_version":"1.4.0",
       "product":{"id":"7d4f","name":"nightly report","repository_url":"https://git.example/n",
                  "artifact_url":"nightly.jar","created_at":"2025-03-01T10:00:00Z"},
       "status":"canary","is_canary":true,"is_active":true,
       "release_date":"2025-03-02T00:00:00","canary_period":2,"band_count":5,"threshold":80,
       "min_signals":10,"tolerance":5,"created_at":"2025-03-02T00:00:00.123456Z",
       "decided_at":null,
       "band":{"number":2,"band_count":5,"target_share":0.4,"start":"2025-03-02T09:36:00Z",
               "end":"2025-03-02T19:12:00Z","phase":"running"},
       "signals":{"successes":12,"failures":3},
       "analysis":{"verdict":"inconclusive","canary":{"successes":12,"failures":3},
                   "stable":{"successes":480,"failures":10},"missing_signals":0,
                   "reason":"Not enough evidence yet.","canary_success_rate":0.8,
                   "canary_failure_rate":0.2,"stable_failure_rate":0.02,
                   "canary_success_rate_upper_bound":0.93,
                   "failure_rate_difference_lower_bound":null,"confidence_level":0.99,
                   "posterior_odds":1.5,"prior":null},
       "field_from_a_newer_server":{"x":1}}
      """;

  @Test
  void readsFullRelease() throws IOException {
    try (StubServer server = new StubServer(Reply.json(200, RELEASE))) {
      Release release = new CanaryPyClient(server.url()).getRelease("nightly report", "1.4.0");

      assertThat(release.semverVersion()).isEqualTo("1.4.0");
      assertThat(release.product().name()).isEqualTo("nightly report");
      assertThat(release.status()).isEqualTo(ReleaseStatus.CANARY);
      assertThat(release.isCanary()).isTrue();
      assertThat(release.isActive()).isTrue();
      assertThat(release.releaseDate()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
      assertThat(release.createdAt()).isEqualTo(Instant.parse("2025-03-02T00:00:00.123456Z"));
      assertThat(release.decidedAt()).isNull();
      assertThat(release.canaryPeriod()).isEqualTo(2.0);
      assertThat(release.band())
          .isEqualTo(
              new Band(
                  2,
                  5,
                  0.4,
                  Instant.parse("2025-03-02T09:36:00Z"),
                  Instant.parse("2025-03-02T19:12:00Z"),
                  "running"));
      assertThat(release.signals()).isEqualTo(new SignalCounts(12, 3));
      assertThat(release.analysis().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(release.analysis().stable().total()).isEqualTo(490);
      assertThat(release.analysis().missingSignals()).isZero();
      assertThat(release.analysis().canarySuccessRate()).isEqualTo(0.8);
      assertThat(release.analysis().stableFailureRate()).isEqualTo(0.02);
      assertThat(release.analysis().canarySuccessRateUpperBound()).isEqualTo(0.93);
      assertThat(release.analysis().failureRateDifferenceLowerBound()).isNull();
      assertThat(release.analysis().confidenceLevel()).isEqualTo(0.99);
      assertThat(release.analysis().otherFields())
          .containsEntry("posterior_odds", 1.5)
          .containsEntry("prior", null)
          .hasSize(2);
      assertThat(server.received().get(0).rawPathAndQuery())
          .isEqualTo("/release/nightly%20report/1.4.0");
    }
  }

  @Test
  void unknownStatusAndVerdictAreTolerated() throws IOException {
    String release =
        RELEASE
            .replace("\"status\":\"canary\"", "\"status\":\"shadow\"")
            .replace("\"verdict\":\"inconclusive\"", "\"verdict\":\"maybe\"");
    try (StubServer server = new StubServer(Reply.json(200, release))) {
      Release read = new CanaryPyClient(server.url()).getRelease("nightly report", "1.4.0");

      assertThat(read.status()).isEqualTo(ReleaseStatus.UNKNOWN);
      assertThat(read.analysis().verdict()).isEqualTo(Verdict.UNKNOWN);
    }
  }

  @Test
  void enumValuesMatchAnyCase() throws IOException {
    String release =
        RELEASE
            .replace("\"status\":\"canary\"", "\"status\":\"ROLLED_BACK\"")
            .replace("\"verdict\":\"inconclusive\"", "\"verdict\":\"FAIL\"");
    try (StubServer server = new StubServer(Reply.json(200, release))) {
      Release read = new CanaryPyClient(server.url()).getRelease("nightly report", "1.4.0");

      assertThat(read.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
      assertThat(read.analysis().verdict()).isEqualTo(Verdict.FAIL);
    }
  }

  @Test
  void replyListenerGetsUnchangedBody() throws IOException {
    List<String> bodies = new ArrayList<>();
    try (StubServer server = new StubServer(Reply.json(200, RELEASE))) {
      CanaryPyClient client =
          CanaryPyClient.builder().baseUrl(server.url()).replyListener(bodies::add).build();

      client.getRelease("nightly report", "1.4.0");

      assertThat(bodies).containsExactly(RELEASE);
    }
  }

  @Test
  void latestSendsEncodedNameAndInstance() throws IOException {
    String latest =
        "{\"id\":\"0b8e\",\"semver_version\":\"1.4.0\",\"status\":\"canary\",\"is_canary\":true,"
            + "\"band\":2,\"target_share\":0.4,"
            + "\"product\":{\"id\":\"7d4f\",\"name\":\"a b+c\",\"repository_url\":\"r\","
            + "\"artifact_url\":\"a.jar\"}}";
    try (StubServer server = new StubServer(Reply.json(200, latest))) {
      LatestRelease release =
          new CanaryPyClient(server.url()).getLatestStableVersion("a b+c", "host 1/x");

      assertThat(release.semverVersion()).isEqualTo("1.4.0");
      assertThat(release.isCanary()).isTrue();
      assertThat(release.band()).isEqualTo(2);
      assertThat(release.targetShare()).isEqualTo(0.4);
      assertThat(release.product().artifactUrl()).isEqualTo("a.jar");
      assertThat(server.received().get(0).rawPathAndQuery())
          .isEqualTo("/release/a%20b%2Bc/latest?instance_id=host%201%2Fx");
    }
  }

  @Test
  void createReleaseSendsOnlyGivenOptions() throws IOException {
    try (StubServer server = new StubServer(Reply.json(201, RELEASE))) {
      new CanaryPyClient(server.url())
          .createRelease(
              ReleaseRequest.builder("nightly.jar", "1.4.0")
                  .canary(false)
                  .bandCount(3)
                  .releaseDate(Instant.parse("2025-03-02T00:00:00Z"))
                  .build());

      StubServer.Received request = server.received().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.rawPathAndQuery()).isEqualTo("/release");
      assertThat(request.contentType()).isEqualTo("application/json");
      assertThat(request.body())
          .isEqualTo(
              "{\"artifact_url\":\"nightly.jar\",\"semver_version\":\"1.4.0\",\"is_canary\":false,"
                  + "\"release_date\":\"2025-03-02T00:00:00Z\",\"band_count\":3}");
    }
  }

  @Test
  void signalAndActionBodies() throws IOException {
    String signal =
        "{\"id\":\"s1\",\"release_id\":\"0b8e\",\"semver_version\":\"1.4.0\",\"status\":\"failed\","
            + "\"is_canary\":true,\"band\":2,\"instance_id\":\"host-1\",\"description\":\"boom\","
            + "\"created_at\":\"2025-03-02T10:00:00Z\"}";
    try (StubServer server =
        new StubServer(
            Reply.json(201, signal),
            Reply.json(201, "{\"accepted\":2}"),
            Reply.json(200, RELEASE),
            Reply.json(200, RELEASE))) {
      CanaryPyClient client = new CanaryPyClient(server.url());

      Signal stored =
          client.sendSignalToCanary("nightly.jar", "1.4.0", "host-1", "boom", SignalStatus.FAILED);
      int accepted =
          client.sendSignals(
              List.of(
                  new SignalRequest("nightly.jar", "1.4.0", "h1", "ok", "ok"),
                  new SignalRequest("nightly.jar", "1.4.0", "h2", "bad", "error")));
      client.rollback("nightly report", "1.4.0", "errors in the logs");
      CanaryPyClient.builder()
          .baseUrl(server.url())
          .actor("alice")
          .build()
          .pause("nightly report", "1.4.0", null);

      assertThat(stored.band()).isEqualTo(2);
      assertThat(stored.isCanary()).isTrue();
      assertThat(accepted).isEqualTo(2);
      List<StubServer.Received> requests = server.received();
      assertThat(requests.get(0).body())
          .isEqualTo(
              "{\"artifact_url\":\"nightly.jar\",\"semver_version\":\"1.4.0\","
                  + "\"instance_id\":\"host-1\",\"description\":\"boom\",\"status\":\"failed\"}");
      assertThat(requests.get(1).rawPathAndQuery()).isEqualTo("/signals");
      assertThat(requests.get(1).body()).startsWith("[{\"artifact_url\":\"nightly.jar\"");
      assertThat(requests.get(2).rawPathAndQuery())
          .isEqualTo("/release/nightly%20report/1.4.0/rollback");
      assertThat(requests.get(2).body()).isEqualTo("{\"reason\":\"errors in the logs\"}");
      assertThat(requests.get(3).rawPathAndQuery())
          .isEqualTo("/release/nightly%20report/1.4.0/pause");
      assertThat(requests.get(3).body()).isEqualTo("{\"actor\":\"alice\"}");
    }
  }

  @Test
  void listSignalsBuildsQuery() throws IOException {
    try (StubServer server = new StubServer(Reply.json(200, "[]"))) {
      CanaryPyClient client = new CanaryPyClient(server.url());

      client.listSignals("nightly report", null, 20);

      assertThat(server.received().get(0).rawPathAndQuery())
          .isEqualTo("/signal?product=nightly%20report&limit=20");
    }
  }

  @Test
  void invalidReplyIsReported() throws IOException {
    try (StubServer server = new StubServer(Reply.json(200, "{\"id\": [1, 2]}"))) {
      CanaryPyClient client = new CanaryPyClient(server.url());

      assertThatThrownBy(() -> client.getProduct("7d4f"))
          .isExactlyInstanceOf(CanaryPyException.class)
          .hasMessageStartingWith(
              "GET " + server.url() + "/product/7d4f returned a reply that is not a valid Product");
    }
  }

  @Test
  void baseUrlIsNormalised() {
    assertThat(new CanaryPyClient("http://localhost:8080/").baseUri())
        .hasToString("http://localhost:8080");
    assertThat(new CanaryPyClient(" https://tools.example.com/canarypy// ").baseUri())
        .hasToString("https://tools.example.com/canarypy");
  }

  @Test
  void invalidBaseUrlIsRejected() {
    assertThatThrownBy(() -> new CanaryPyClient("localhost:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid CanaryPy server URL 'localhost:8080': expected an absolute http or https URL"
                + " such as http://localhost:8080");
    assertThatThrownBy(() -> new CanaryPyClient("http://localhost:8080?x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("a base URL has no query or fragment");
    assertThatThrownBy(() -> new CanaryPyClient("http://127.0.0.1:99999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid CanaryPy server URL 'http://127.0.0.1:99999': port 99999 is out of range;"
                + " use a port from 1 to 65535");
  }
}
