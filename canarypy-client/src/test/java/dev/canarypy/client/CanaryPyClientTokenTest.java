package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarypy.client.StubServer.Reply;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API token: sent as a bearer token, and the token endpoints. */
class CanaryPyClientTokenTest {

  private static final String TOKEN = "cpy_Zm9yIHRlc3RzIG9ubHksIG5vdCBhIHJlYWwgdG9rZW4";

  private static final String LATEST =
      "{\"id\":\"0b8e\",\"semver_version\":\"1.4.0\",\"product\":{\"id\":\"7d4f\","
          + "\"name\":\"nightly\",\"repository_url\":\"r\",\"artifact_url\":\"nightly.jar\"}}";

  @Test
  void builderTokenIsSentAsBearer() throws IOException {
    try (StubServer server =
        new StubServer(Reply.json(200, LATEST), Reply.json(201, "{\"accepted\":1}"))) {
      CanaryPyClient client = CanaryPyClient.builder().baseUrl(server.url()).token(TOKEN).build();

      client.getLatestStableVersion("nightly", "host-1");
      client.sendSignals(
          List.of(new SignalRequest("nightly.jar", "1.4.0", "host-1", "ok", "success")));

      assertThat(server.received()).hasSize(2);
      for (StubServer.Received request : server.received()) {
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
      }
    }
  }

  @Test
  void noTokenSendsNoHeader() throws IOException {
    try (StubServer server = new StubServer(Reply.json(200, LATEST))) {
      new CanaryPyClient(server.url()).getLatestStableVersion("nightly");

      assertThat(server.received().get(0).authorization()).isNull();
    }
  }

  @Test
  void unauthorizedIsNotRetried() throws IOException {
    String problem =
        "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"GET /product needs an API"
            + " token with scope signal or admin.\"}";
    try (StubServer server = new StubServer(Reply.problem(401, problem))) {
      CanaryPyClient client = new CanaryPyClient(server.url());

      assertThatThrownBy(client::listProducts)
          .isInstanceOfSatisfying(
              CanaryPyApiException.class,
              error -> {
                assertThat(error.status()).isEqualTo(401);
                assertThat(error.detail()).contains("needs an API token");
              });
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void invalidTokenIsRejected() {
    CanaryPyClient.Builder builder = CanaryPyClient.builder();

    assertThatThrownBy(() -> builder.token(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.token("cpy_a\r\nX-Other: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("cpy_a");
  }

  @Test
  void tokenEndpoints() throws IOException {
    String created =
        "{\"name\":\"jobs\",\"scope\":\"signal\",\"token_hint\":\"cpy_...W4\","
            + "\"created_at\":\"2026-01-05T09:00:00Z\",\"token\":\""
            + TOKEN
            + "\"}";
    String list =
        "[{\"name\":\"jobs\",\"scope\":\"signal\",\"token_hint\":\"cpy_...W4\","
            + "\"created_at\":\"2026-01-05T09:00:00Z\"}]";
    try (StubServer server =
        new StubServer(Reply.json(201, created), Reply.json(200, list), Reply.json(204, ""))) {
      CanaryPyClient client = CanaryPyClient.builder().baseUrl(server.url()).token(TOKEN).build();

      CreatedToken token = client.createToken("jobs", "signal");
      List<ApiToken> tokens = client.listTokens();
      client.revokeToken("jobs");

      assertThat(token.token()).isEqualTo(TOKEN);
      assertThat(token.toString()).doesNotContain(TOKEN).contains("jobs");
      assertThat(tokens)
          .containsExactly(
              new ApiToken("jobs", "signal", "cpy_...W4", Instant.parse("2026-01-05T09:00:00Z")));
      List<StubServer.Received> requests = server.received();
      assertThat(requests.get(0).method()).isEqualTo("POST");
      assertThat(requests.get(0).body()).isEqualTo("{\"name\":\"jobs\",\"scope\":\"signal\"}");
      assertThat(requests.get(1).rawPathAndQuery()).isEqualTo("/token");
      assertThat(requests.get(2).method()).isEqualTo("DELETE");
      assertThat(requests.get(2).rawPathAndQuery()).isEqualTo("/token/jobs");
    }
  }
}
