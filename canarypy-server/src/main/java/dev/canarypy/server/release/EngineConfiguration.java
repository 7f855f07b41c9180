package dev.canarypy.server.release;

import dev.canarypy.core.analysis.HealthAnalyzer;
import dev.canarypy.core.lifecycle.LifecycleEngine;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free canary engine into the application. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

  @Bean
  HealthAnalyzer healthAnalyzer() {
    return new HealthAnalyzer();
  }

  @Bean
  LifecycleEngine lifecycleEngine(HealthAnalyzer analyzer, Clock clock) {
    return new LifecycleEngine(analyzer, clock);
  }
}
