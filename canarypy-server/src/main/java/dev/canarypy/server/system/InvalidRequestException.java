package dev.canarypy.server.system;

import java.util.List;
import java.util.stream.Collectors;

/** A request whose fields are invalid; returned as 422 with every field problem listed. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(problem -> problem.field() + ": " + problem.message())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
