package dev.canarypy.client;

import java.time.Instant;

/**
 * A newly created API token with its value, which the server returns only once.
 *
 * @param name the token's unique name
 * @param scope {@code signal} or {@code admin}
 * @param tokenHint the token's prefix and last four characters
 * @param createdAt when the token was created
 * @param token the value to send as {@code Authorization: Bearer <token>}
 */
public record CreatedToken(
    String name, String scope, String tokenHint, Instant createdAt, String token) {

  /** Returns the fields without the token's value, so that logging the record leaks nothing. */
  @Override
  public String toString() {
    return "CreatedToken[name="
        + name
        + ", scope="
        + scope
        + ", tokenHint="
        + tokenHint
        + ", createdAt="
        + createdAt
        + "]";
  }
}
