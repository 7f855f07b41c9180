package dev.canarypy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarypy.cli.support.CanaryPyJar;
import dev.canarypy.cli.support.CommandResult;
import dev.canarypy.cli.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the canarypy command as a process against a server on H2, as a user would. */
class CommandLineIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ServerProcess server;

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

  private static CommandResult canarypyWithInput(String stdin, String... args) throws Exception {
    return CanaryPyJar.run(server.environment(), stdin, args);
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = server.request("GET", path, null);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String seconds(JsonNode timestamp) {
    return Instant.parse(timestamp.asText()).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void createProduct(String name, String artifactUrl) throws Exception {
    CommandResult result =
        canarypy(
            "product",
            "create",
            "--name",
            name,
            "--repository-url",
            "https://git.example/" + name,
            "--artifact-url",
            artifactUrl);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  private static void createRelease(String artifactUrl, String version, String... options)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "release", "create", "--semver-version", version, "--artifact-url", artifactUrl));
    args.addAll(List.of(options));
    CommandResult result = canarypy(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void productCreateWithOptions() throws Exception {
    CommandResult result =
        canarypy(
            "product",
            "create",
            "--name",
            "options job",
            "--repository-url",
            "https://git.example/options",
            "--artifact_url",
            "registry.example/options-job");

    JsonNode product = findProduct("options job");
    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            "Created product options job (id "
                + product.get("id").asText()
                + ").\n"
                + "  Repository URL: https://git.example/options\n"
                + "  Artifact URL:   registry.example/options-job\n"
                + "  Created at:     "
                + seconds(product.get("created_at")));
  }

  @Test
  void productCreateReadsPipedAnswers() throws Exception {
    CommandResult result =
        canarypyWithInput(
            "piped job\nhttps://git.example/piped\nregistry.example/piped-job\n",
            "product",
            "create");

    JsonNode product = findProduct("piped job");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEqualTo("Product name: \nRepository URL: \nArtifact URL: \n");
    assertThat(result.out())
        .startsWith("Created product piped job (id " + product.get("id").asText() + ").");
    assertThat(product.get("artifact_url").asText()).isEqualTo("registry.example/piped-job");
  }

  @Test
  void productCreatePromptsOnlyMissingValues() throws Exception {
    CommandResult result =
        canarypyWithInput(
            "https://git.example/partial\n",
            "product",
            "create",
            "--name",
            "partial job",
            "--artifact-url",
            "registry.example/partial-job");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEqualTo("Repository URL: \n");
    assertThat(findProduct("partial job").get("repository_url").asText())
        .isEqualTo("https://git.example/partial");
  }

  @Test
  void productCreateWithoutInputIsUsageError() throws Exception {
    CommandResult result = canarypyWithInput("", "product", "create", "--name", "no input job");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Repository URL: \n"
                + "Error: Missing the repository URL: give --repository-url or type it at the"
                + " prompt.\n"
                + "Try 'canarypy product create --help' for more information.");
  }

  @Test
  void productDuplicateIsRejected() throws Exception {
    createProduct("duplicate job", "registry.example/duplicate-job");
    String body =
        "{\"name\":\"duplicate job\",\"repository_url\":\"https://git.example/other\","
            + "\"artifact_url\":\"registry.example/other-job\"}";
    String detail = problemDetail("POST", "/product", body);

    CommandResult result =
        canarypy(
            "product",
            "create",
            "--name",
            "duplicate job",
            "--repository-url",
            "https://git.example/other",
            "--artifact-url",
            "registry.example/other-job");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("Error: " + detail);
  }

  @Test
  void productListPrintsTableAndJson() throws Exception {
    createProduct("listed job", "registry.example/listed-job");

    CommandResult table = canarypy("product", "list");
    CommandResult json = canarypy("--output", "json", "product", "list");

    JsonNode listed = findProduct("listed job");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow())
        .matches("NAME +ARTIFACT URL +REPOSITORY URL +CREATED +ID");
    assertThat(table.out())
        .containsPattern(
            "\nlisted job +registry\\.example/listed-job +https://git\\.example/listed job +"
                + seconds(listed.get("created_at"))
                + " +"
                + listed.get("id").asText());
    assertThat(json.exitCode()).isZero();
    assertThat(JSON.readTree(json.stdout())).isEqualTo(get("/product"));
  }

  @Test
  void releaseCanaryLifecycle() throws Exception {
    createProduct("lifecycle job", "registry.example/lifecycle-job");
    createRelease("registry.example/lifecycle-job", "1.0.0");

    CommandResult created =
        canarypy(
            "release",
            "create",
            "--semver_version",
            "1.1.0",
            "--artifact-url",
            "registry.example/lifecycle-job",
            "--canary-period",
            "1",
            "--band-count",
            "4",
            "--threshold",
            "90",
            "--min-signals",
            "20",
            "--tolerance",
            "2.5");

    JsonNode release = get("/release/lifecycle%20job/1.1.0");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.out().lines().toList())
        .startsWith(
            "Created release 1.1.0 of lifecycle job with status canary.",
            "Product:          lifecycle job",
            "Version:          1.1.0",
            "Status:           canary (served)",
            "Canary period:    1 day from " + seconds(release.get("release_date")) + " in 4 bands",
            "Band:             1 of 4, target share 25.0% (running)",
            "Band window:      "
                + seconds(release.at("/band/start"))
                + " to "
                + seconds(release.at("/band/end")),
            "Rules:            promote at 90% success after 20 signals; roll back if failures"
                + " exceed the stable's by 2.5 points");

    CommandResult status = canarypy("release", "status", "--product", "lifecycle job");
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .contains(
            "Version:          1.1.0\n",
            "Canary signals:   0 successes, 0 failures (0 total)\n",
            "Verdict:          inconclusive\n",
            "Missing signals:  20\n",
            "Reason:           " + release.at("/analysis/reason").asText() + "\n");

    CommandResult paused =
        canarypy("release", "pause", "--product", "lifecycle job", "--reason", "checking logs");
    CommandResult resumed = canarypy("release", "resume", "--product", "lifecycle job");
    CommandResult promoted =
        canarypy("release", "promote", "--product", "lifecycle job", "--semver-version", "1.1.0");
    assertThat(paused.out()).isEqualTo("Paused release 1.1.0 of lifecycle job: status paused.");
    assertThat(resumed.out()).isEqualTo("Resumed release 1.1.0 of lifecycle job: status canary.");
    assertThat(promoted.out()).isEqualTo("Promoted release 1.1.0 of lifecycle job: status stable.");

    JsonNode events = get("/release/lifecycle%20job/1.1.0/events");
    assertThat(events.findValuesAsText("type"))
        .containsSubsequence("paused", "resumed", "promoted");
    assertThat(events.findValuesAsText("reason")).contains("checking logs");
    assertThat(events.findValuesAsText("actor")).contains(System.getProperty("user.name"));

    CommandResult list = canarypy("release", "list", "--product", "lifecycle job");
    assertThat(list.out().lines().toList())
        .hasSize(3)
        .first()
        .asString()
        .matches("VERSION +STATUS +BAND +SHARE +SUCCESSES +FAILURES +VERDICT +CREATED");
    assertThat(
            list.out().lines().skip(1).map(line -> line.split(" +")[0] + " " + line.split(" +")[1]))
        .containsExactly("1.1.0 stable", "1.0.0 inactive");

    CommandResult trail =
        canarypy("release", "events", "--product", "lifecycle job", "--semver-version", "1.1.0");
    List<String> trailLines = trail.out().lines().toList();
    assertThat(trail.exitCode()).as(trail.err()).isZero();
    assertThat(trailLines.get(0)).matches("TIME +EVENT +FROM +TO +ACTOR +VERDICT +REASON");
    assertThat(trailLines.stream().skip(1).map(line -> line.split(" +")[1]))
        .containsExactly("created", "paused", "resumed", "promoted");
    assertThat(trailLines.get(2)).contains("checking logs");
  }

  @Test
  void releaseRollbackOfCanary() throws Exception {
    createProduct("rollback job", "registry.example/rollback-job");
    createRelease("registry.example/rollback-job", "2.0.0");
    createRelease("registry.example/rollback-job", "2.1.0-rc.1");

    CommandResult rolledBack =
        canarypy("release", "rollback", "--product", "rollback job", "--reason", "bad build");
    CommandResult nothingInFlight = canarypy("release", "pause", "--product", "rollback job");
    CommandResult status = canarypy("release", "status", "--product", "rollback job");

    assertThat(rolledBack.exitCode()).isZero();
    assertThat(rolledBack.out())
        .isEqualTo("Rolled back release 2.1.0-rc.1 of rollback job: status rolled_back.");
    assertThat(nothingInFlight.exitCode()).isEqualTo(3);
    assertThat(nothingInFlight.err())
        .isEqualTo(
            "Error: Product 'rollback job' has no canary in flight (no release with status canary"
                + " or paused). Give --semver-version to choose a release.");
    assertThat(status.out())
        .containsPattern("(?m)^Version: +2\\.0\\.0$")
        .containsPattern("(?m)^Status: +stable \\(served\\)$");
  }

  @Test
  void releaseLatestFollowsCanary() throws Exception {
    createProduct("latest job", "registry.example/latest-job");
    createRelease("registry.example/latest-job", "3.0.0");

    CommandResult stableOnly =
        canarypy("release", "latest", "--product", "latest job", "--instance-id", "host-1");
    createRelease(
        "registry.example/latest-job", "3.1.0", "--canary-period", "1", "--band-count", "1");
    CommandResult withCanary =
        canarypy("release", "latest", "--product", "latest job", "--instance_id", "host-1");
    CommandResult json =
        canarypy(
            "release",
            "latest",
            "--product",
            "latest job",
            "--instance-id",
            "host-1",
            "--output",
            "json");

    assertThat(stableOnly.out())
        .isEqualTo(
            "Product:  latest job\n" + "Version:  3.0.0\n" + "Status:   stable\n" + "Canary:   no");
    assertThat(withCanary.out())
        .isEqualTo(
            "Product:      latest job\n"
                + "Version:      3.1.0\n"
                + "Status:       canary\n"
                + "Canary:       yes\n"
                + "Canary band:  1, target share 100.0%");
    JsonNode latest = JSON.readTree(json.stdout());
    assertThat(latest).isEqualTo(get("/release/latest%20job/latest?instance_id=host-1"));
    assertThat(latest.get("semver_version").asText()).isEqualTo("3.1.0");
  }

  @Test
  void releaseStatusJsonIsServerJson() throws Exception {
    createProduct("json job", "registry.example/json-job");
    createRelease("registry.example/json-job", "0.9.0");

    CommandResult json = canarypy("release", "status", "--product", "json job", "--output", "json");

    assertThat(json.exitCode()).isZero();
    JsonNode printed = JSON.readTree(json.stdout());
    JsonNode served = get("/release/json%20job/0.9.0");
    assertThat(printed).isEqualTo(served);
  }

  @Test
  void signalCreateAndList() throws Exception {
    createProduct("signal job", "registry.example/signal-job");
    createRelease("registry.example/signal-job", "5.0.0");

    CommandResult ok =
        canarypy(
            "signal",
            "create",
            "--status",
            "success",
            "--description",
            "run finished",
            "--instance-id",
            "worker-1",
            "--semver-version",
            "5.0.0",
            "--artifact-url",
            "registry.example/signal-job");
    CommandResult failed =
        canarypy(
            "signal",
            "create",
            "--status",
            "error",
            "--description",
            "disk full",
            "--instance_id",
            "worker-2",
            "--semver_version",
            "5.0.0",
            "--artifact_url",
            "registry.example/signal-job");
    CommandResult list = canarypy("signal", "list", "--product", "signal job", "--limit", "5");
    CommandResult limited =
        canarypy(
            "signal",
            "list",
            "--product",
            "signal job",
            "--semver-version",
            "5.0.0",
            "--limit",
            "1",
            "--output",
            "json");

    assertThat(ok.exitCode()).as(ok.stderr()).isZero();
    assertThat(ok.out())
        .isEqualTo(
            "Recorded a success signal of version 5.0.0 from instance worker-1 for a release"
                + " outside the canary.");
    assertThat(failed.out())
        .isEqualTo(
            "Recorded a failed signal of version 5.0.0 from instance worker-2 for a release"
                + " outside the canary.");
    List<String> lines = list.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("CREATED +VERSION +STATUS +CANARY +BAND +INSTANCE +DESCRIPTION");
    assertThat(lines.get(1)).matches("\\S+Z +5\\.0\\.0 +failed +no +- +worker-2 +disk full");
    assertThat(lines.get(2)).matches("\\S+Z +5\\.0\\.0 +success +no +- +worker-1 +run finished");
    JsonNode newest = JSON.readTree(limited.stdout());
    assertThat(newest).hasSize(1);
    assertThat(newest.get(0).get("instance_id").asText()).isEqualTo("worker-2");
  }

  @Test
  void invalidSignalStatusShowsFieldErrors() throws Exception {
    createProduct("invalid signal job", "registry.example/invalid-signal-job");
    createRelease("registry.example/invalid-signal-job", "1.0.0");
    String body =
        "{\"artifact_url\":\"registry.example/invalid-signal-job\",\"semver_version\":\"1.0.0\","
            + "\"instance_id\":\"w\",\"description\":\"d\",\"status\":\"maybe\"}";
    HttpResponse<String> direct = server.request("POST", "/signal", body);
    JsonNode problem = JSON.readTree(direct.body());

    CommandResult result =
        canarypy(
            "signal",
            "create",
            "--status",
            "maybe",
            "--description",
            "d",
            "--instance-id",
            "w",
            "--semver-version",
            "1.0.0",
            "--artifact-url",
            "registry.example/invalid-signal-job");

    StringBuilder expected = new StringBuilder("Error: " + problem.get("detail").asText());
    for (JsonNode field : problem.path("errors")) {
      expected
          .append("\n  ")
          .append(field.get("field").asText())
          .append(": ")
          .append(field.get("message").asText());
    }
    assertThat(direct.statusCode()).isEqualTo(422);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(expected.toString());
  }

  @Test
  void unknownProductIsNotFound() throws Exception {
    String detail = problemDetail("GET", "/release/no%20such%20job", null);

    CommandResult result = canarypy("release", "list", "--product", "no such job");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("Error: " + detail);
  }

  @Test
  void missingOptionIsUsageError() throws Exception {
    CommandResult result =
        canarypy("signal", "create", "--status", "success", "--description", "d");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error: Missing required options: '--instance-id=ID', '--semver-version=VERSION',"
                + " '--artifact-url=URL'\n"
                + "Try 'canarypy signal create --help' for more information.");
  }

  @Test
  void invalidOptionValueIsUsageError() throws Exception {
    CommandResult result =
        canarypy(
            "release",
            "create",
            "--semver-version",
            "1.0.0",
            "--artifact-url",
            "a",
            "--release-date",
            "next tuesday");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Error: Invalid value for option '--release-date': 'next tuesday' is not an ISO-8601"
                + " date or time such as 2025-03-02T09:00:00Z\n"
                + "Try 'canarypy release create --help' for more information.");
  }

  @Test
  void unreachableServerNamesUrl() throws Exception {
    String url = "http://127.0.0.1:" + ServerProcess.freePort();

    CommandResult result = CanaryPyJar.run(Map.of("CANARYPY_URL", url), null, "product", "list");

    List<String> lines = result.err().lines().toList();
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.out()).isEmpty();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .startsWith(
            "WARN: GET "
                + url
                + "/product failed on attempt 1 of 4 (connection refused);"
                + " retrying in ");
    assertThat(lines.get(3))
        .isEqualTo(
            "Error: Cannot reach the CanaryPy server: GET "
                + url
                + "/product failed after 4 attempts: connection refused.");
    assertThat(lines.get(4))
        .isEqualTo(
            "Check that the server runs at "
                + url
                + ", or set its URL with --url or the CANARYPY_URL environment variable.");
  }

  @Test
  void urlOptionOverridesEnvironment() throws Exception {
    CommandResult result =
        CanaryPyJar.run(
            Map.of("CANARYPY_URL", "http://127.0.0.1:" + ServerProcess.freePort()),
            null,
            "product",
            "list",
            "--url",
            server.url(),
            "--output",
            "json");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void invalidUrlIsUsageError() throws Exception {
    CommandResult result = canarypy("--url", "localhost:8080", "product", "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Error: Invalid CanaryPy server URL 'localhost:8080': expected an absolute http or"
                + " https URL such as http://localhost:8080. Set it with --url or CANARYPY_URL.\n"
                + "Try 'canarypy product list --help' for more information.");
  }

  @Test
  void versionAndHelp() throws Exception {
    CommandResult version = canarypy("--version");
    CommandResult help = canarypy("release", "promote", "--help");
    CommandResult missingSubcommand = canarypy("release");

    assertThat(version.out()).isEqualTo("canarypy 0.1.0-SNAPSHOT");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .startsWith("Usage: canarypy release promote ")
        .contains(
            "Exit codes:\n"
                + "  0   Success.\n"
                + "  1   Any other error.\n"
                + "  2   Invalid usage: a missing, unknown or invalid option.\n");
    assertThat(missingSubcommand.exitCode()).isEqualTo(2);
    assertThat(missingSubcommand.err())
        .isEqualTo(
            "Error: Missing required subcommand\n"
                + "Try 'canarypy release --help' for more information.");
  }

  @Test
  void completionScriptIsGenerated() throws Exception {
    CommandResult result = canarypy("generate-completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("canarypy");
  }

  @Test
  void webStartServesDashboardOnSameDatabase() throws Exception {
    createProduct("web view", "registry.example.com/web-view");

    try (ServerProcess web = ServerProcess.startWeb(server)) {
      HttpResponse<String> page = web.request("GET", "/", null);
      HttpResponse<String> products = web.request("GET", "/product", null);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("CanaryPy");
      assertThat(products.statusCode()).isEqualTo(200);
      assertThat(products.body()).contains("\"name\":\"web view\"");
    }
  }

  @Test
  void dbInitMigratesEmbeddedDatabase() throws Exception {
    Path home = Files.createTempDirectory("canarypy-db-init");
    try {
      CommandResult result =
          CanaryPyJar.run(Map.of("CANARYPY_HOME", home.toString()), null, "db", "init");

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.out())
          .isEqualTo("Migrated the database: embedded H2 database at " + home + "/canarypy.mv.db.");
      assertThat(result.err()).doesNotContain("INFO");
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static JsonNode findProduct(String name) throws Exception {
    for (JsonNode product : get("/product")) {
      if (product.get("name").asText().equals(name)) {
        return product;
      }
    }
    throw new AssertionError("The server has no product named " + name);
  }

  /** Sends a request that the server must reject and returns its problem detail. */
  private static String problemDetail(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = server.request(method, path, body);
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    return JSON.readTree(response.body()).get("detail").asText();
  }
}
