package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.cli.support.CanaryPyJar;
import dev.canarypy.cli.support.CommandResult;
import dev.canarypy.cli.support.ServerProcess;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the token commands as processes against a server of their own, because once a token exists
 * the server rejects every request without one. The first test creates the first admin token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenCommandLineIT {

  private static final String TOKEN_PATTERN = "cpy_[A-Za-z0-9_-]{43}";

  private static ServerProcess server;
  private static String adminToken;

  @BeforeAll
  static void startServer() throws Exception {
    server = ServerProcess.startWithH2();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static CommandResult canarypy(String... args) throws Exception {
    return CanaryPyJar.run(server.environment(), null, args);
  }

  private static CommandResult canarypyWithToken(String token, String... args) throws Exception {
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.put("CANARYPY_TOKEN", token);
    return CanaryPyJar.run(environment, null, args);
  }

  @Test
  @Order(1)
  void createPrintsFirstTokenOnce() throws Exception {
    CommandResult result = canarypy("token", "create", "--scope", "admin", "--name", "operator");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.out()).matches(TOKEN_PATTERN);
    assertThat(result.err())
        .isEqualTo(
            "Created API token 'operator' with scope admin. Store it now: the server keeps only"
                + " its hash and cannot show it again.");
    adminToken = result.out();
  }

  @Test
  @Order(2)
  void listShowsNoSecret() throws Exception {
    CommandResult result = canarypy("--token", adminToken, "token", "list");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.out()).doesNotContain(adminToken);
    String[] lines = result.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).matches("NAME +SCOPE +TOKEN +CREATED");
    assertThat(lines[1])
        .matches(
            "operator +admin +cpy_\\.\\.\\."
                + adminToken.substring(adminToken.length() - 4).replace("-", "\\-")
                + " +\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  }

  @Test
  @Order(3)
  void commandWithoutTokenGetsServerDetail() throws Exception {
    CommandResult result = canarypy("product", "list");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error: GET /product needs an API token with scope signal or admin. Send it in the"
                + " header 'Authorization: Bearer <token>' (the command line's --token option or"
                + " CANARYPY_TOKEN); an admin creates tokens with 'canarypy token create'.");
  }

  @Test
  @Order(4)
  void commandsWithTokenWork() throws Exception {
    CommandResult product =
        canarypy(
            "--token",
            adminToken,
            "product",
            "create",
            "--name",
            "token job",
            "--repository-url",
            "https://git.example/token-job",
            "--artifact-url",
            "registry.example/token-job");
    CommandResult release =
        canarypyWithToken(
            adminToken,
            "release",
            "create",
            "--semver-version",
            "1.0.0",
            "--artifact-url",
            "registry.example/token-job");
    CommandResult list = canarypyWithToken(adminToken, "product", "list");

    assertThat(product.exitCode()).as(product.stderr()).isZero();
    assertThat(release.exitCode()).as(release.stderr()).isZero();
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.out()).contains("token job");
  }

  @Test
  @Order(5)
  void signalTokenSendsSignalsButCannotCreate() throws Exception {
    CommandResult created =
        canarypyWithToken(adminToken, "token", "create", "--scope", "signal", "--name", "jobs");
    String signalToken = created.out();

    CommandResult signal =
        canarypyWithToken(
            signalToken,
            "signal",
            "create",
            "--status",
            "success",
            "--description",
            "nightly run",
            "--instance-id",
            "worker-1",
            "--semver-version",
            "1.0.0",
            "--artifact-url",
            "registry.example/token-job");
    CommandResult latest =
        canarypyWithToken(signalToken, "release", "latest", "--product", "token job");
    CommandResult forbidden =
        canarypyWithToken(
            signalToken,
            "release",
            "create",
            "--semver-version",
            "1.1.0",
            "--artifact-url",
            "registry.example/token-job");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(signalToken).matches(TOKEN_PATTERN);
    assertThat(signal.exitCode()).as(signal.stderr()).isZero();
    assertThat(latest.exitCode()).as(latest.stderr()).isZero();
    assertThat(latest.out()).contains("1.0.0");
    assertThat(forbidden.exitCode()).isEqualTo(3);
    assertThat(forbidden.err())
        .isEqualTo(
            "Error: The API token 'jobs' has scope signal, but POST /release needs scope admin;"
                + " send an admin token.");
  }

  @Test
  @Order(6)
  void revokeRejectsTokenAfterwards() throws Exception {
    String token =
        canarypyWithToken(adminToken, "token", "create", "--scope", "signal", "--name", "old-ci")
            .out();
    assertThat(canarypyWithToken(token, "product", "list").exitCode()).isZero();

    CommandResult revoke = canarypyWithToken(adminToken, "token", "revoke", "--name", "old-ci");
    CommandResult after = canarypyWithToken(token, "product", "list");
    CommandResult again = canarypyWithToken(adminToken, "token", "revoke", "--name", "old-ci");

    assertThat(revoke.exitCode()).as(revoke.stderr()).isZero();
    assertThat(revoke.out()).isEqualTo("Revoked API token 'old-ci'.");
    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after.err()).startsWith("Error: The API token is unknown or has been revoked");
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(again.err())
        .isEqualTo("Error: No API token is named 'old-ci'; list tokens with GET /token.");
  }

  @Test
  @Order(7)
  void duplicateNameIsRejected() throws Exception {
    CommandResult result =
        canarypyWithToken(adminToken, "token", "create", "--scope", "admin", "--name", "operator");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error: An API token named 'operator' already exists; choose another name, or revoke"
                + " the old token first.");
  }

  @Test
  @Order(8)
  void serverLogHasNoToken() throws Exception {
    assertThat(server.logTail()).doesNotContain(adminToken).contains("Created API token");
  }
}
