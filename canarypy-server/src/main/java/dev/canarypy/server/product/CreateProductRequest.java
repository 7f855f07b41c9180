package dev.canarypy.server.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /product}, as the original server took it. */
public record CreateProductRequest(
    @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most {max} characters")
        @Pattern(
            regexp = "(?!\\s*\\.{1,2}\\s*$)[^/\\\\\\p{Cntrl}]*",
            message =
                "must not contain '/', a backslash or control characters and must not be '.' or"
                    + " '..', because it is used in URL paths")
        String name,
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String repositoryUrl,
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String artifactUrl) {}
