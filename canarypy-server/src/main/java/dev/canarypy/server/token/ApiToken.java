package dev.canarypy.server.token;

import java.time.Instant;

/**
 * An API token as {@code GET /token} lists it: never the token or its hash.
 *
 * @param name unique name, recorded as the actor of the manual actions made with the token
 * @param scope what the token may do
 * @param tokenHint the token's prefix and last four characters, such as {@code cpy_...x9Qa}
 * @param createdAt when the token was created
 */
public record ApiToken(String name, TokenScope scope, String tokenHint, Instant createdAt) {}
