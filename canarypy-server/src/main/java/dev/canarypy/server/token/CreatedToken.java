package dev.canarypy.server.token;

import java.time.Instant;

/**
 * The reply of {@code POST /token}: the only time the server returns the token itself.
 *
 * @param token the bearer token to send as {@code Authorization: Bearer <token>}
 */
public record CreatedToken(
    String name, TokenScope scope, String tokenHint, Instant createdAt, String token) {}
