package dev.canarypy.client;

import java.util.Locale;

/**
 * The outcome of one execution. The server also accepts the aliases {@code failure} and {@code
 * error} for failed and {@code ok} and {@code succeeded} for success, so the client sends status
 * strings as given.
 */
public enum SignalStatus {
  /** The execution succeeded. */
  SUCCESS,
  /** The execution failed. */
  FAILED;

  /** Returns the status as the server spells it: {@code success} or {@code failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
