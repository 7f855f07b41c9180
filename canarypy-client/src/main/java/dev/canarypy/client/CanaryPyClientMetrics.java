package dev.canarypy.client;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Publishes a {@link CanaryPyClient}'s signal buffer to a Micrometer registry:
 *
 * <ul>
 *   <li>{@code canarypy.client.signals.buffered}, a gauge of the signals waiting for delivery;
 *   <li>{@code canarypy.client.signals.dropped}, a counter of signals dropped because the buffer
 *       was full;
 *   <li>{@code canarypy.client.signals.rejected}, a counter of signals the server rejected with a
 *       4xx status;
 *   <li>{@code canarypy.client.signals.delivered.from.buffer}, a counter of signals delivered after
 *       their first attempt failed.
 * </ul>
 *
 * <p>Micrometer is an optional dependency of the client: only applications that have {@code
 * io.micrometer:micrometer-core} on the class path can use this class. In Spring Boot, declare it
 * as a bean and Boot binds it to the application's registry:
 *
 * <pre>{@code
 * @Bean
 * CanaryPyClientMetrics canaryPyClientMetrics(CanaryPyClient canaryPy) {
 *   return new CanaryPyClientMetrics(canaryPy);
 * }
 * }</pre>
 */
public final class CanaryPyClientMetrics implements MeterBinder {

  private final CanaryPyClient client;
  private final Iterable<Tag> tags;

  /** Creates a binder for the client's meters without tags. */
  public CanaryPyClientMetrics(CanaryPyClient client) {
    this(client, Tags.empty());
  }

  /**
   * Creates a binder that adds the given tags to every meter, such as the server's name when an
   * application talks to more than one server.
   */
  public CanaryPyClientMetrics(CanaryPyClient client, Iterable<Tag> tags) {
    this.client = Objects.requireNonNull(client, "client");
    this.tags = Objects.requireNonNull(tags, "tags");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    // A strong reference, because a gauge otherwise reports NaN once the client is only reachable
    // through the registry.
    Gauge.builder("canarypy.client.signals.buffered", client, CanaryPyClient::bufferedSignals)
        .description("Reported signals waiting in the client's buffer for delivery")
        .baseUnit("signals")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            "canarypy.client.signals.dropped", client, CanaryPyClient::droppedSignals)
        .description("Reported signals dropped because the client's buffer was full")
        .baseUnit("signals")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder(
            "canarypy.client.signals.rejected", client, CanaryPyClient::rejectedSignals)
        .description("Reported signals the server rejected with a 4xx status; they are discarded")
        .baseUnit("signals")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder(
            "canarypy.client.signals.delivered.from.buffer",
            client,
            CanaryPyClient::deliveredFromBuffer)
        .description("Reported signals delivered from the buffer after their first attempt failed")
        .baseUnit("signals")
        .tags(tags)
        .register(registry);
  }
}
