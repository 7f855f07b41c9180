package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeCanaryPyClientTest {

  private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");

  private FakeCanaryPyClient canaryPy;

  @BeforeEach
  void createProductWithStable() {
    canaryPy = new FakeCanaryPyClient(Clock.fixed(NOW, ZoneOffset.UTC));
    canaryPy.createProduct("nightly report", "https://git.example/n", "nightly.jar");
    canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.0.0").build());
  }

  @Test
  void firstReleaseIsStable() {
    Release stable = canaryPy.getStableRelease("nightly report");

    assertThat(stable.semverVersion()).isEqualTo("1.0.0");
    assertThat(stable.status()).isEqualTo(ReleaseStatus.STABLE);
    assertThat(stable.isActive()).isTrue();
    assertThat(stable.createdAt()).isEqualTo(NOW);
    assertThat(stable.bandCount()).isEqualTo(5);
  }

  @Test
  void laterReleaseIsCanary() {
    Release canary = canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.1.0").build());

    assertThat(canary.status()).isEqualTo(ReleaseStatus.CANARY);
    assertThat(canary.isCanary()).isTrue();
    assertThat(canaryPy.getLatestStableVersion("nightly report").semverVersion())
        .isEqualTo("1.0.0");
  }

  @Test
  void fullRolloutReplacesStable() {
    canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "2.0.0").canary(false).build());

    assertThat(canaryPy.getRelease("nightly report", "1.0.0").status())
        .isEqualTo(ReleaseStatus.INACTIVE);
    assertThat(canaryPy.getStableRelease("nightly report").semverVersion()).isEqualTo("2.0.0");
  }

  @Test
  void latestVersionCanBeChosen() {
    canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.1.0").build());

    canaryPy.setLatestVersion("nightly report", "1.1.0");
    LatestRelease canary = canaryPy.getLatestStableVersion("nightly report", "host-1");
    canaryPy.clearLatestVersion("nightly report");
    LatestRelease stable = canaryPy.getLatestStableVersion("nightly.jar");

    assertThat(canary.semverVersion()).isEqualTo("1.1.0");
    assertThat(canary.isCanary()).isTrue();
    assertThat(stable.semverVersion()).isEqualTo("1.0.0");
    assertThat(stable.isCanary()).isFalse();
  }

  @Test
  void signalsAreRecordedAndCounted() {
    canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.1.0").build());

    Signal first = canaryPy.sendSignalToCanary("nightly.jar", "1.1.0", "h1", "done", "OK");
    canaryPy.sendSignalToCanary("nightly.jar", "1.1.0", "h2", "boom", SignalStatus.FAILED);
    int accepted =
        canaryPy.sendSignals(
            List.of(new SignalRequest("nightly.jar", "1.0.0", "h3", "done", "success")));

    assertThat(first.status()).isEqualTo("success");
    assertThat(first.isCanary()).isTrue();
    assertThat(accepted).isEqualTo(1);
    assertThat(canaryPy.sentSignals())
        .extracting(SignalRequest::instanceId)
        .containsExactly("h1", "h2", "h3");
    assertThat(canaryPy.getRelease("nightly report", "1.1.0").signals())
        .isEqualTo(new SignalCounts(1, 1));
    assertThat(canaryPy.listSignals("nightly report", null, null))
        .extracting(Signal::instanceId)
        .containsExactly("h3", "h2", "h1");
    assertThat(canaryPy.listSignals("nightly report", "1.1.0", 1))
        .extracting(Signal::instanceId)
        .containsExactly("h2");
  }

  @Test
  void invalidSignalStatusIsRejected() {
    CanaryPyApiException error =
        catchThrowableOfType(
            CanaryPyApiException.class,
            () -> canaryPy.sendSignalToCanary("nightly.jar", "1.0.0", "h1", "done", "maybe"));

    assertThat(error.status()).isEqualTo(422);
    assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("status");
    assertThat(canaryPy.sentSignals()).isEmpty();
  }

  @Test
  void actionsFollowStatusRules() {
    canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.1.0").build());

    Release paused = canaryPy.pause("nightly report", "1.1.0", "investigating");
    Release resumed = canaryPy.resume("nightly report", "1.1.0");
    Release promoted = canaryPy.promote("nightly report", "1.1.0", "looks good");
    CanaryPyApiException rollbackStable =
        catchThrowableOfType(
            CanaryPyApiException.class, () -> canaryPy.rollback("nightly report", "1.1.0"));

    assertThat(paused.status()).isEqualTo(ReleaseStatus.PAUSED);
    assertThat(resumed.status()).isEqualTo(ReleaseStatus.CANARY);
    assertThat(promoted.status()).isEqualTo(ReleaseStatus.STABLE);
    assertThat(promoted.decidedAt()).isEqualTo(NOW);
    assertThat(canaryPy.getRelease("nightly report", "1.0.0").status())
        .isEqualTo(ReleaseStatus.INACTIVE);
    assertThat(rollbackStable.isConflict()).isTrue();
    assertThat(rollbackStable.detail())
        .isEqualTo(
            "Cannot rollback release 1.1.0 of 'nightly report' because its status is stable.");
    assertThat(canaryPy.listEvents("nightly report", "1.1.0"))
        .extracting(ReleaseEvent::type, ReleaseEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("created", null),
            org.assertj.core.groups.Tuple.tuple("paused", "investigating"),
            org.assertj.core.groups.Tuple.tuple("resumed", null),
            org.assertj.core.groups.Tuple.tuple("promoted", "looks good"));
  }

  @Test
  void unknownNamesAreNotFound() {
    CanaryPyApiException product =
        catchThrowableOfType(
            CanaryPyApiException.class, () -> canaryPy.getLatestStableVersion("ghost"));
    CanaryPyApiException version =
        catchThrowableOfType(
            CanaryPyApiException.class, () -> canaryPy.getRelease("nightly report", "9.9.9"));

    assertThat(product.isNotFound()).isTrue();
    assertThat(product.detail()).isEqualTo("No product is named 'ghost'.");
    assertThat(version.isNotFound()).isTrue();
    assertThat(version.detail()).isEqualTo("Product 'nightly report' has no release 9.9.9.");
  }

  @Test
  void duplicatesAreConflicts() {
    CanaryPyApiException name =
        catchThrowableOfType(
            CanaryPyApiException.class,
            () -> canaryPy.createProduct("nightly report", "r", "other.jar"));
    CanaryPyApiException version =
        catchThrowableOfType(
            CanaryPyApiException.class,
            () -> canaryPy.createRelease(ReleaseRequest.builder("nightly.jar", "1.0.0").build()));

    assertThat(name.isConflict()).isTrue();
    assertThat(version.isConflict()).isTrue();
  }

  @Test
  void unreachableModeFailsEveryCall() {
    canaryPy.setUnreachable(true);

    CanaryPyUnreachableException error =
        catchThrowableOfType(
            CanaryPyUnreachableException.class,
            () -> canaryPy.getLatestStableVersion("nightly report"));
    canaryPy.setUnreachable(false);

    assertThat(error.uri()).hasToString("fake://canarypy/release/nightly%20report/latest");
    assertThat(canaryPy.listProducts()).hasSize(1);
  }

  @Test
  void reportedSignalsWaitWhileUnreachable() {
    canaryPy.setUnreachable(true);
    canaryPy.reportSignalToCanary("nightly.jar", "1.0.0", "host-1", "run 1", SignalStatus.SUCCESS);
    canaryPy.reportSignal(new SignalRequest("nightly.jar", "9.9.9", "host-2", "run 2", "success"));
    canaryPy.reportSignalToCanary("nightly.jar", "1.0.0", "host-3", "run 3", SignalStatus.FAILED);

    assertThat(canaryPy.bufferedSignals()).isEqualTo(3);
    assertThat(canaryPy.flush(Duration.ZERO)).isFalse();
    assertThat(canaryPy.sentSignals()).isEmpty();

    canaryPy.setUnreachable(false);

    assertThat(canaryPy.flush(Duration.ZERO)).isTrue();
    assertThat(canaryPy.sentSignals())
        .extracting(SignalRequest::description)
        .containsExactly("run 1", "run 3");
    assertThat(canaryPy.rejectedSignals()).isEqualTo(1);
    assertThat(canaryPy.bufferedSignals()).isZero();
  }
}
