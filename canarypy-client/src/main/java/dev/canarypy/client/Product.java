package dev.canarypy.client;

import java.time.Instant;

/**
 * A product registered on the server: a program whose releases go through canaries.
 *
 * @param id the server-assigned UUID
 * @param name the unique product name, used in release paths
 * @param repositoryUrl the URL of the product's source repository
 * @param artifactUrl the unique artifact URL by which releases and signals name the product
 * @param createdAt when the server registered the product, or null if the server did not send it
 */
public record Product(
    String id, String name, String repositoryUrl, String artifactUrl, Instant createdAt) {}
