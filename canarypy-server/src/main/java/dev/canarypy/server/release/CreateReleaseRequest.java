package dev.canarypy.server.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /release}. The original server's fields keep their names; the ones it
 * required ({@code is_canary}, {@code is_active}, {@code threshold}, {@code canary_period}) are
 * optional here and take the documented defaults. {@code id} and {@code is_active} are accepted and
 * ignored, because the server assigns ids and derives activity from the status.
 */
public record CreateReleaseRequest(
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String artifactUrl,
    @NotBlank(message = "is required")
        @Size(max = 128, message = "must be at most {max} characters")
        @Pattern(
            regexp = "[A-Za-z0-9._+-]*",
            message = "may contain only letters, digits and . _ + -, e.g. 1.4.2 or 3.11-bullseye")
        String semverVersion,
    @JsonProperty("is_canary") Boolean isCanary,
    @JsonProperty("is_active") Boolean isActive,
    @DecimalMin(value = "0", message = "must be between 0 and 100 (percent)")
        @DecimalMax(value = "100", message = "must be between 0 and 100 (percent)")
        Double threshold,
    @DecimalMin(
            value = "0",
            inclusive = false,
            message = "must be a number of days greater than 0, e.g. 2 or 0.5")
        @DecimalMax(value = "3650", message = "must be at most 3650 days")
        Double canaryPeriod,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 1000, message = "must be at most 1000")
        Integer bandCount,
    @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000")
        Integer minSignals,
    @DecimalMin(value = "0", message = "must be between 0 and 100 (percentage points)")
        @DecimalMax(value = "100", message = "must be between 0 and 100 (percentage points)")
        Double tolerance,
    @Size(max = 64, message = "must be at most {max} characters") String releaseDate,
    Object id) {}
