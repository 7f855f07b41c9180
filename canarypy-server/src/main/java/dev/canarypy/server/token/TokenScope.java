package dev.canarypy.server.token;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The permission level of an API token. */
public enum TokenScope {
  /** Asks for the version to run ({@code GET /release/{p}/latest}) and reports signals. */
  SIGNAL,
  /**
   * Everything: creates products, releases and tokens, acts on releases, and all that SIGNAL may.
   */
  ADMIN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether a token of this scope may make a request that needs {@code required}. */
  boolean allows(TokenScope required) {
    return this == ADMIN || required == SIGNAL;
  }

  /** Parses a wire name in any case; empty for anything else. */
  static Optional<TokenScope> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (TokenScope scope : values()) {
      if (scope.wireName().equalsIgnoreCase(value.trim())) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
