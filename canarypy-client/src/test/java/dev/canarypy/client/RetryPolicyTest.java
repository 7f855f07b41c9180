package dev.canarypy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void delaysGrowExponentiallyUpToCap() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), 2, 0);

    assertThat(policy.delayBeforeRetry(1, 0.7)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayBeforeRetry(2, 0.7)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayBeforeRetry(3, 0.7)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.delayBeforeRetry(4, 0.7)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void jitterShortensByRandomFraction() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofSeconds(5), 2, 0.5);

    assertThat(policy.delayBeforeRetry(1, 0.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.delayBeforeRetry(1, 0.5)).isEqualTo(Duration.ofMillis(750));
    assertThat(policy.delayBeforeRetry(1, 0.99)).isEqualTo(Duration.ofMillis(505));
  }

  @Test
  void defaultPolicyWaitsUnderTwoSeconds() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    long total = 0;
    for (int retry = 1; retry < policy.maxAttempts(); retry++) {
      total += policy.delayBeforeRetry(retry, 0.0).toMillis();
    }

    assertThat(total).isEqualTo(1750);
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0))
        .hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0.5, 0))
        .hasMessage("multiplier must be at least 1, got 0.5");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 1, 1.5))
        .hasMessage("jitter must be between 0 and 1, got 1.5");
  }
}
