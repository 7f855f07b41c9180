package dev.canarypy.server.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /token}.
 *
 * @param name unique name of the token, such as {@code nightly-jobs} or {@code alice}
 * @param scope {@code signal} or {@code admin}, in any case
 */
public record CreateTokenRequest(
    @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most {max} characters")
        @Pattern(
            regexp = "[A-Za-z0-9._@-]*",
            message =
                "may contain only letters, digits, '.', '_', '@' and '-', because it is used in URL"
                    + " paths")
        String name,
    @NotBlank(message = "is required; use signal or admin") String scope) {}
