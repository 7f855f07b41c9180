package dev.canarypy.server.release;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The optional body of a manual promote, rollback, pause or resume.
 *
 * @param reason why the person acts; stored in the release event
 * @param actor who acts; stored in the release event, {@code api} when not given. The name of the
 *     request's API token replaces it when a token authenticated the request.
 */
public record ReleaseActionRequest(
    @Size(max = 2000, message = "must be at most {max} characters")
        @Pattern(
            regexp = "[^\\x00]*",
            message = "must not contain the NUL character, which the database cannot store")
        String reason,
    @Size(max = 200, message = "must be at most {max} characters")
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String actor) {

  public static final ReleaseActionRequest NONE = new ReleaseActionRequest(null, null);
}
