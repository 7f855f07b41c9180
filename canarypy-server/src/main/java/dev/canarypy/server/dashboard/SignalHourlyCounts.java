package dev.canarypy.server.dashboard;

import dev.canarypy.server.signal.Signal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps hourly success and failure counters per release, band and canary flag as signals arrive,
 * so the charts never scan the signals table.
 */
@Component
public class SignalHourlyCounts {

  /** Adds the signals to their hourly counters; runs in the transaction that stores them. */
  public void add(List<Signal> signals) {
    // TODO: the counters table and its upsert arrive with the dashboard.
  }
}
