package dev.canarypy.client;

import java.time.Instant;

/**
 * An API token as the server lists it, without its value.
 *
 * @param name the token's unique name, recorded as the actor of the manual actions made with it
 * @param scope {@code signal} (ask for the version to run and send signals) or {@code admin}
 * @param tokenHint the token's prefix and last four characters, such as {@code cpy_...x9Qa}
 * @param createdAt when the token was created
 */
public record ApiToken(String name, String scope, String tokenHint, Instant createdAt) {}
