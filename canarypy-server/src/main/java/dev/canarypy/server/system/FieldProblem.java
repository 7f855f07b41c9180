package dev.canarypy.server.system;

/**
 * One invalid field of a request.
 *
 * @param field the field's wire name, with an index for batch items, e.g. {@code [3].status}
 * @param message what is wrong and what is expected
 */
public record FieldProblem(String field, String message) {}
