package dev.canarypy.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.client.FakeCanaryPyClient;
import dev.canarypy.client.ReleaseRequest;
import dev.canarypy.client.SignalRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shows how an application tests its job with the fake client. */
class ExampleJobTest {

  private final FakeCanaryPyClient canaryPy = new FakeCanaryPyClient();
  private final List<String> versionsRun = new ArrayList<>();

  @BeforeEach
  void createReleases() {
    canaryPy.createProduct("example-job", "https://git.example/job", "example-job.jar");
    canaryPy.createRelease(ReleaseRequest.builder("example-job.jar", "1.0.0").build());
    canaryPy.createRelease(ReleaseRequest.builder("example-job.jar", "1.1.0").build());
  }

  @Test
  void stableRunReportsSuccess() {
    String version = job(true).run();

    assertThat(version).isEqualTo("1.0.0");
    assertThat(versionsRun).containsExactly("1.0.0");
    assertThat(canaryPy.sentSignals())
        .containsExactly(
            new SignalRequest(
                "example-job.jar", "1.0.0", "host-1", "example job finished", "success"));
  }

  @Test
  void canaryFailureIsReported() {
    canaryPy.setLatestVersion("example-job", "1.1.0");

    job(false).run();

    assertThat(versionsRun).containsExactly("1.1.0");
    assertThat(canaryPy.sentSignals()).extracting(SignalRequest::status).containsExactly("failed");
  }

  @Test
  void unreachableServerRunsFallback() {
    canaryPy.setUnreachable(true);

    String version = job(true).run();

    assertThat(version).isEqualTo(ExampleJob.FALLBACK_VERSION);
    assertThat(versionsRun).containsExactly(ExampleJob.FALLBACK_VERSION);
    assertThat(canaryPy.sentSignals()).isEmpty();
  }

  private ExampleJob job(boolean succeeds) {
    return new ExampleJob(
        canaryPy,
        "example-job",
        "host-1",
        version -> {
          versionsRun.add(version);
          return succeeds;
        });
  }
}
