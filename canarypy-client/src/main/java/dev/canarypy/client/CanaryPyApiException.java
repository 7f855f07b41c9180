package dev.canarypy.client;

import java.net.URI;
import java.util.List;

/**
 * A request that the server rejected or failed with an error status. It carries the RFC 9457
 * problem details of the reply: {@link #status()}, {@link #title()}, {@link #detail()} and the
 * {@link #fieldErrors()} of a 422.
 *
 * <p>The client throws it at once for a 4xx status, because repeating the same request cannot
 * succeed, and for a 5xx status only after its retries ran out.
 */
public class CanaryPyApiException extends CanaryPyException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final URI uri;
  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> fieldErrors;

  /**
   * Creates the exception for one failed request.
   *
   * @param method the HTTP method of the request
   * @param uri the URL of the request
   * @param status the HTTP status of the reply
   * @param type the problem type URI, or null
   * @param title the short summary of the problem, or the HTTP reason phrase
   * @param detail the server's explanation, naming the value and what to do, or null
   * @param fieldErrors the invalid fields, empty unless the server listed some
   */
  public CanaryPyApiException(
      String method,
      URI uri,
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> fieldErrors) {
    super(describe(method, uri, status, title, detail));
    this.method = method;
    this.uri = uri;
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
  }

  private static String describe(String method, URI uri, int status, String title, String detail) {
    String summary = method + " " + uri + " failed with status " + status;
    if (title != null && !title.isBlank()) {
      summary += " (" + title + ")";
    }
    return detail == null || detail.isBlank() ? summary : summary + ": " + detail;
  }

  /** Returns the HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** Returns the URL of the failed request. */
  public URI uri() {
    return uri;
  }

  /** Returns the HTTP status of the reply. */
  public int status() {
    return status;
  }

  /** Returns the problem type URI, or null if the server sent none. */
  public String type() {
    return type;
  }

  /** Returns the short summary of the problem, such as {@code Not Found}. */
  public String title() {
    return title;
  }

  /** Returns the server's explanation, or null if it sent none. */
  public String detail() {
    return detail;
  }

  /** Returns the invalid fields the server listed, in its order; empty if it listed none. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** Returns whether the product or version in the request does not exist (404). */
  public boolean isNotFound() {
    return status == 404;
  }

  /**
   * Returns whether the request duplicates existing data or changes state in a forbidden way (409).
   */
  public boolean isConflict() {
    return status == 409;
  }

  /** Returns whether the request was unreadable (400) or had invalid fields (422). */
  public boolean isInvalid() {
    return status == 400 || status == 422;
  }

  /** Returns whether the server failed (5xx), for example because its database is down. */
  public boolean isServerError() {
    return status >= 500;
  }
}
