package dev.canarypy.server.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /signal}, as the original server took it.
 *
 * @param status success or failed; ok and succeeded mean success, failure and error mean failed, in
 *     any letter case
 * @param description free text about the execution; may be empty, and may span lines
 */
public record SignalRequest(
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String artifactUrl,
    @NotBlank(message = "is required")
        @Size(max = 128, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String semverVersion,
    @NotBlank(message = "is required")
        @Size(max = 256, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String instanceId,
    @NotNull(message = "is required, and may be an empty string when there is nothing to say")
        @Size(max = 4000, message = "must be at most {max} characters")
        @Pattern(
            regexp = "[^\\x00]*",
            message = "must not contain the NUL character, which the database cannot store")
        String description,
    @NotBlank(message = "is required, either success or failed") String status) {}
