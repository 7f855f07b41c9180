package dev.canarypy.server.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every error to an RFC 9457 problem details body whose {@code detail} names the value and the
 * fix; nothing internal (stack traces, SQL, class names) reaches a client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  private final DatabaseOutageLog outageLog;

  public ApiExceptionHandler(DatabaseOutageLog outageLog) {
    this.outageLog = outageLog;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException exception, WebRequest request) {
    return problem(HttpStatus.NOT_FOUND, "Not found", exception.getMessage(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException exception, WebRequest request) {
    return problem(HttpStatus.CONFLICT, "Conflict", exception.getMessage(), request);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException exception, WebRequest request) {
    return invalidFields(exception.problems(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException exception, WebRequest request) {
    String expected =
        exception.getRequiredType() == null
            ? "a valid value"
            : exception.getRequiredType().getSimpleName();
    if ("UUID".equals(expected)) {
      expected = "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
    }
    return invalidFields(
        List.of(
            new FieldProblem(
                exception.getName(),
                "'" + exception.getValue() + "' is invalid; expected " + expected)),
        request);
  }

  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    QueryTimeoutException.class
  })
  ResponseEntity<Object> databaseUnavailable(RuntimeException exception, WebRequest request) {
    outageLog.failed(exception);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable; the request was not carried out. Retry after "
                + RETRY_AFTER_SECONDS
                + " seconds.");
    body.setTitle("Service unavailable");
    body.setInstance(instance(request));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
    log.error("Request {} failed unexpectedly", describe(request), exception);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal server error",
        "The server failed to handle the request; the error is in the server log.",
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = exception.getMostSpecificCause();
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return invalidFields(List.of(fieldProblem(mismatch)), request);
    }
    String detail;
    if (cause instanceof StreamReadException || cause instanceof JacksonException) {
      detail =
          "The request body is not valid JSON: "
              + firstLine(((JacksonException) cause).getOriginalMessage())
              + ". Send a JSON object with the fields listed at /docs.";
    } else {
      detail = "The request body is missing or unreadable; send a JSON object as listed at /docs.";
    }
    return problem(HttpStatus.BAD_REQUEST, "Bad request", detail, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.NOT_FOUND,
        "Not found",
        "No endpoint at /"
            + exception.getResourcePath()
            + "; the API is listed at /docs and /openapi.json.",
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalidFields(
        List.of(new FieldProblem(exception.getParameterName(), "is required")), request);
  }

  private static FieldProblem fieldProblem(MismatchedInputException mismatch) {
    String field = path(mismatch.getPath());
    String expected = describeType(mismatch.getTargetType());
    if (mismatch instanceof InvalidFormatException format) {
      return new FieldProblem(
          field, "'" + format.getValue() + "' is not " + expected + "; send " + expected);
    }
    return new FieldProblem(field, "has the wrong type; send " + expected);
  }

  private static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describeType(Class<?> type) {
    if (type == null) {
      return "a value of the documented type";
    }
    Map<Class<?>, String> names =
        Map.of(
            Integer.class, "a whole number",
            int.class, "a whole number",
            Long.class, "a whole number",
            long.class, "a whole number",
            Double.class, "a number",
            double.class, "a number",
            Boolean.class, "true or false",
            boolean.class, "true or false",
            String.class, "a string");
    if (names.containsKey(type)) {
      return names.get(type);
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  private ResponseEntity<Object> invalidFields(List<FieldProblem> problems, WebRequest request) {
    StringBuilder detail = new StringBuilder("Invalid request: ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) {
        detail.append("; ");
      }
      detail.append(problems.get(i).field()).append(' ').append(problems.get(i).message());
    }
    detail.append('.');
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail.toString());
    body.setTitle("Invalid request");
    body.setInstance(instance(request));
    body.setProperty("errors", problems);
    return ResponseEntity.unprocessableContent().body(body);
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String title, String detail, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setInstance(instance(request));
    return ResponseEntity.status(status).body(body);
  }

  private static URI instance(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      try {
        return URI.create(servlet.getRequest().getRequestURI());
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }
    return null;
  }

  private static String describe(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
    }
    return request.getDescription(false);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
