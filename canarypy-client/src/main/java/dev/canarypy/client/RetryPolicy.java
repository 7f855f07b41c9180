package dev.canarypy.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long the client retries a request that got no reply or a 5xx reply.
 *
 * <p>The delay before retry {@code n} (counting from 1) is {@code initialDelay * multiplier^(n-1)},
 * capped at {@code maxDelay}, and then shortened by a random fraction of up to {@code jitter}. The
 * delay grows exponentially so that a server that is restarting or whose database is down gets more
 * room with every attempt instead of a steady stream of requests. The random part matters because
 * the typical callers are scheduled jobs: many of them start on the same minute, and without jitter
 * they would all retry at the same instants and hit the recovering server in waves. The cap keeps a
 * single call's total wait bounded, so a job that cannot reach the server fails within seconds and
 * can fall back to its own default version. When a 503 reply carries {@code Retry-After}, the
 * client waits at least that long, still capped at {@code maxDelay}.
 *
 * <p>Requests that the server rejected with a 4xx status are never retried, because the same
 * request would be rejected again. Note that a retried {@code POST} whose first attempt reached the
 * server but whose reply was lost (a request timeout) is applied twice: a signal is then counted
 * twice, and a repeated promote or rollback gets a 409 because the release has already changed.
 *
 * @param maxAttempts how many times a request is sent at most, at least 1 (1 means no retry)
 * @param initialDelay the delay before the first retry
 * @param maxDelay the longest delay between two attempts
 * @param multiplier the factor by which the delay grows with each retry, at least 1
 * @param jitter the largest fraction, from 0 to 1, by which a delay is randomly shortened
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

  /**
   * The default: 4 attempts with delays of about 250 ms, 500 ms and 1 s, each shortened by up to
   * half, so an unreachable server fails a call within about 2 seconds plus the timeouts.
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), 2.0, 0.5);

  /** Checks that the settings describe a policy that terminates. */
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
    }
    if (jitter < 0.0 || jitter > 1.0) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** Returns a policy that sends every request once and never retries. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
  }

  /**
   * Returns the delay before retry {@code retry}, counting from 1.
   *
   * @param retry the number of the retry, at least 1
   * @param random a random number from 0 (inclusive) to 1 (exclusive) that picks the jitter
   */
  public Duration delayBeforeRetry(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, got " + retry);
    }
    double exponential = initialDelay.toMillis() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(exponential, maxDelay.toMillis());
    double jittered = capped * (1.0 - jitter * random);
    return Duration.ofMillis(Math.round(jittered));
  }
}
