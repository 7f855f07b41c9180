package dev.canarypy.server.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
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
  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

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

  @ExceptionHandler(UnauthorizedException.class)
  ResponseEntity<Object> unauthorized(UnauthorizedException exception, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, exception.getMessage());
    body.setTitle("Unauthorized");
    body.setInstance(instance(request));
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"canarypy\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException exception, WebRequest request) {
    return invalidFields(exception.problems(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException exception, WebRequest request) {
    String expected =
        exception.getRequiredType() == UUID.class
            ? "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"
            : describeType(exception.getRequiredType());
    return invalidFields(
        List.of(
            new FieldProblem(
                exception.getName(),
                "'" + exception.getValue() + "' is invalid; expected " + expected)),
        request);
  }

  /**
   * Maps Tomcat's rejection of a query string whose percent-encoding is malformed or not UTF-8,
   * which it raises when the parameters are first read.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> invalidQueryString(
      InvalidParameterException exception, WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "The query string is invalid: every parameter must be percent-encoded UTF-8, such as"
            + " product=my%20app.",
        request);
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<Object> tooLarge(RequestTooLargeException exception, WebRequest request) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE, "Content too large", exception.getMessage(), request);
  }

  @ExceptionHandler({
    CannotCreateTransactionException.class,
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
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  /**
   * Maps PostgreSQL's rejection of a character it cannot store in text (SQLSTATE 22021, raised for
   * NUL) to 422, because a query parameter can carry one. Any other integrity violation is a server
   * error.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrityViolation(
      DataIntegrityViolationException exception, WebRequest request) {
    if (!CHARACTER_NOT_IN_REPERTOIRE.equals(sqlState(exception))) {
      return unexpected(exception, request);
    }
    return invalidFields(
        List.of(
            new FieldProblem(
                "request",
                "contains a character that the database cannot store or search, such as NUL;"
                    + " remove it")),
        request);
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
    RequestTooLargeException tooLarge = RequestSizeFilter.tooLarge(exception);
    if (tooLarge != null) {
      return tooLarge(tooLarge, request);
    }
    if (cause instanceof StreamConstraintsException limit) {
      return jsonLimitExceeded(limit, request);
    }
    if (cause instanceof InputCoercionException outOfRange && !outOfRange.getPath().isEmpty()) {
      return invalidFields(List.of(outOfRangeProblem(outOfRange)), request);
    }
    // Jackson reports content after the body's JSON value only through this message text.
    if (cause instanceof MismatchedInputException trailing
        && trailing.getOriginalMessage() != null
        && trailing.getOriginalMessage().startsWith("Trailing token")) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "The request body has more content after its JSON value; send exactly one JSON value as"
              + " documented at /docs.",
          request);
    }
    if (cause instanceof MismatchedInputException mismatch) {
      if (!mismatch.getPath().isEmpty()) {
        return invalidFields(List.of(fieldProblem(mismatch)), request);
      }
      // The whole body has the wrong shape, such as an array where an object is expected.
      String expected = describeType(mismatch.getTargetType());
      return problem(
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "The request body must be "
              + expected
              + ", but it is "
              + describeToken(mismatch.getCurrentToken())
              + ". Send the JSON body documented at /docs.",
          request);
    }
    if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
      return invalidFields(
          List.of(new FieldProblem(path(invalid.getPath()), "has an invalid value")), request);
    }
    String detail;
    if (cause instanceof JacksonException unreadable) {
      detail =
          "The request body is not valid JSON: "
              + readableMessage(unreadable)
              + ". Send the JSON body documented at /docs.";
    } else {
      detail = "The request body is missing or unreadable; send the JSON body documented at /docs.";
    }
    return problem(HttpStatus.BAD_REQUEST, "Bad request", detail, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String sent =
        exception.getContentType() == null
            ? "The request's Content-Type"
            : "Content-Type '"
                + exception.getContentType().getType()
                + "/"
                + exception.getContentType().getSubtype()
                + "'";
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            sent + " is not supported; send the body as application/json.");
    body.setTitle("Unsupported media type");
    body.setInstance(instance(request));
    return createResponseEntity(body, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String[] supported = exception.getSupportedMethods();
    String detail =
        "Method "
            + exception.getMethod()
            + " is not supported on this path"
            + (supported == null || supported.length == 0
                ? "."
                : "; it accepts " + String.join(", ", supported) + ".");
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, detail);
    body.setTitle("Method not allowed");
    body.setInstance(instance(request));
    return createResponseEntity(body, headers, HttpStatus.METHOD_NOT_ALLOWED, request);
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

  /**
   * Maps a JSON limit of {@link JsonConfiguration} to 413 for a value that is too long and to 400
   * for nesting that is too deep; the detail names the limit.
   */
  private static ResponseEntity<Object> jsonLimitExceeded(
      StreamConstraintsException limit, WebRequest request) {
    // Jackson's message carries the limit as "(500, from `StreamReadConstraints...`)".
    String message =
        firstLine(limit.getOriginalMessage()).replaceAll(", from `[^`]*`", "").replaceAll("`", "");
    boolean nesting = message.contains("nesting depth");
    return problem(
        nesting ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE,
        nesting ? "Bad request" : "Content too large",
        "The request body exceeds a JSON limit: " + message + ". Send a smaller body.",
        request);
  }

  private static FieldProblem fieldProblem(MismatchedInputException mismatch) {
    String field = path(mismatch.getPath());
    String expected = describeType(mismatch.getTargetType());
    if (mismatch instanceof InvalidFormatException format && format.getValue() != null) {
      Object value = format.getValue();
      String sentValue = value instanceof String text ? "'" + text + "'" : String.valueOf(value);
      return new FieldProblem(field, "must be " + expected + ", got " + sentValue);
    }
    return new FieldProblem(
        field, "must be " + expected + ", got " + describeToken(mismatch.getCurrentToken()));
  }

  private static FieldProblem outOfRangeProblem(InputCoercionException outOfRange) {
    // The field's own limits tell the fix better than the limits of its Java type.
    String range = declaredRange(outOfRange.getPath());
    if (range == null) {
      range = typeRange(outOfRange.getTargetType());
    }
    return new FieldProblem(path(outOfRange.getPath()), "is out of range; send " + range);
  }

  private static String typeRange(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "a number within the documented range";
  }

  /**
   * Returns "a whole number from MIN to MAX" from the {@code @Min} and {@code @Max} annotations of
   * the field that the path ends at, or null when the field has no such pair.
   */
  private static String declaredRange(List<JacksonException.Reference> references) {
    if (references.isEmpty()) {
      return null;
    }
    JacksonException.Reference last = references.get(references.size() - 1);
    Object from = last.from();
    String name = last.getPropertyName();
    if (from == null || name == null) {
      return null;
    }
    Class<?> owner = from instanceof Class<?> type ? type : from.getClass();
    try {
      Field field = owner.getDeclaredField(camelCase(name));
      Min min = field.getAnnotation(Min.class);
      Max max = field.getAnnotation(Max.class);
      return min == null || max == null
          ? null
          : "a whole number from " + min.value() + " to " + max.value();
    } catch (NoSuchFieldException unknown) {
      return null;
    }
  }

  private static String camelCase(String snakeCase) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char character : snakeCase.toCharArray()) {
      if (character == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(character) : character);
        upper = false;
      }
    }
    return name.toString();
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

  private static String describeToken(JsonToken token) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_ARRAY -> "a JSON array";
      case START_OBJECT -> "a JSON object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> "another JSON value";
    };
  }

  /**
   * Returns the parser's message with its position but without the parts that name Java classes or
   * parser settings, which mean nothing to a client.
   */
  private static String readableMessage(JacksonException exception) {
    String message = firstLine(exception.getOriginalMessage());
    int startMarker = message.indexOf(" (start marker at");
    if (startMarker >= 0) {
      message = message.substring(0, startMarker);
    }
    // "Non-standard token 'NaN': enable `JsonReadFeature...` to allow" names a parser setting.
    message = message.replaceAll(": enable `[^`]*` to allow", " is not valid JSON");
    message = message.replaceAll("\\s*\\([^()]*`[^()]*\\)", "").replaceAll("`[^`]*`", "a value");
    TokenStreamLocation location = exception.getLocation();
    if (location != null && location.getLineNr() > 0 && location.getColumnNr() > 0) {
      message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return message;
  }

  private ResponseEntity<Object> invalidFields(List<FieldProblem> problems, WebRequest request) {
    // Messages may contain semicolons, so the problems are joined as sentences.
    StringBuilder detail = new StringBuilder("Invalid request: ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) {
        detail.append(". ");
      }
      detail.append(problems.get(i).field()).append(' ').append(problems.get(i).message());
    }
    detail.append('.');
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail.toString());
    body.setTitle("Invalid request");
    body.setInstance(instance(request));
    body.setProperty("errors", problems);
    return ResponseEntity.unprocessableContent()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String title, String detail, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setInstance(instance(request));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /**
   * Sets the problem details media type on the replies that the base class builds, such as 406. A
   * preset Content-Type makes Spring write the body whatever the request's Accept header lists;
   * without it an error for {@code Accept: text/html} has an empty body.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.addAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.createResponseEntity(body, problemHeaders, statusCode, request);
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

  private static String sqlState(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
