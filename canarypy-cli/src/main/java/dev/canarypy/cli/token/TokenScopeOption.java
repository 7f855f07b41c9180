package dev.canarypy.cli.token;

import java.util.Locale;

/** The scopes an API token can have, as {@code --scope} takes them. */
enum TokenScopeOption {
  SIGNAL,
  ADMIN;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
