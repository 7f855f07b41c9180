package dev.canarypy.server.product;

import java.time.Instant;
import java.util.UUID;

/** A product whose releases the server hands out; the JSON shape of the original server. */
public record Product(
    UUID id, String name, String repositoryUrl, String artifactUrl, Instant createdAt) {}
