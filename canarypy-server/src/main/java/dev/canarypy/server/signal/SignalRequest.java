package dev.canarypy.server.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /signal}, as the original server took it.
 *
 * @param status success or failed; ok and succeeded mean success, failure and error mean failed, in
 *     any letter case
 * @param description free text about the execution; may be empty
 */
public record SignalRequest(
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most {max} characters")
        String artifactUrl,
    @NotBlank(message = "is required")
        @Size(max = 128, message = "must be at most {max} characters")
        String semverVersion,
    @NotBlank(message = "is required")
        @Size(max = 256, message = "must be at most {max} characters")
        String instanceId,
    @NotNull(message = "is required; send an empty string when there is nothing to say")
        @Size(max = 4000, message = "must be at most {max} characters")
        String description,
    @NotBlank(message = "is required; send success or failed") String status) {}
