package dev.canarypy.server.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Runs Bean Validation on request bodies and reports each violation under the field's snake_case
 * wire name, so the {@code errors} of a 422 match what the client sent.
 */
@Component
public class RequestValidator {

  private static final Comparator<FieldProblem> BY_FIELD_THEN_MESSAGE =
      Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message);

  private final Validator validator;

  public RequestValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * Validates one body.
   *
   * @throws InvalidRequestException listing every invalid field
   */
  public void validate(Object body) {
    List<FieldProblem> problems = problems(body, "");
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** Returns the problems of one body, each field prefixed with {@code prefix}. */
  public List<FieldProblem> problems(Object body, String prefix) {
    if (body == null) {
      return List.of(new FieldProblem(prefix.isEmpty() ? "body" : prefix, "is required"));
    }
    // A sorted set drops duplicates, because two constraints can report the same message. NaN, for
    // example, fails both the minimum and the maximum of a range.
    Set<FieldProblem> problems = new TreeSet<>(BY_FIELD_THEN_MESSAGE);
    for (ConstraintViolation<Object> violation : validator.validate(body)) {
      String field = snakeCase(violation.getPropertyPath().toString());
      String name = prefix.isEmpty() ? field : prefix + "." + field;
      problems.add(new FieldProblem(name, violation.getMessage()));
    }
    return new ArrayList<>(problems);
  }

  /** Converts a Java property path such as {@code semverVersion} to the wire name. */
  static String snakeCase(String propertyPath) {
    StringBuilder name = new StringBuilder(propertyPath.length() + 4);
    for (char character : propertyPath.toCharArray()) {
      if (Character.isUpperCase(character)) {
        name.append('_').append(Character.toLowerCase(character));
      } else {
        name.append(character);
      }
    }
    return name.toString();
  }
}
