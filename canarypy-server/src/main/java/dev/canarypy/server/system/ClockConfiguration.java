package dev.canarypy.server.system;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that every release decision reads, so tests can move time instead of waiting. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /**
   * Returns the system clock in microseconds, the precision both databases store timestamps with.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
