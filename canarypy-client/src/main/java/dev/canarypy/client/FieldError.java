package dev.canarypy.client;

/**
 * One invalid field of a rejected request, as listed in the server's problem details.
 *
 * @param field the field's wire name, such as {@code semver_version}
 * @param message what is wrong with the value
 */
public record FieldError(String field, String message) {}
