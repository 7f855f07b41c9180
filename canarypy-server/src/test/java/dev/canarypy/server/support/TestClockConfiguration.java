package dev.canarypy.server.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the server's clock with a {@link MutableClock} starting at a fixed instant; as the
 * primary {@code Clock} bean it wins over the system clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(START);
  }
}
