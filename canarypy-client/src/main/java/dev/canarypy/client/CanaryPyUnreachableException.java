package dev.canarypy.client;

import java.net.URI;

/**
 * A request that never got a reply: the connection was refused or reset, or it timed out, on every
 * attempt the retry policy allowed.
 */
public class CanaryPyUnreachableException extends CanaryPyException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final URI uri;
  private final int attempts;

  /**
   * Creates the exception for a request that got no reply.
   *
   * @param method the HTTP method of the request
   * @param uri the URL the client tried
   * @param attempts how many times the client sent the request
   * @param reason what went wrong on the last attempt, such as {@code connection refused}
   * @param cause the exception of the last attempt
   */
  public CanaryPyUnreachableException(
      String method, URI uri, int attempts, String reason, Throwable cause) {
    super(
        "Cannot reach the CanaryPy server: "
            + method
            + " "
            + uri
            + " failed after "
            + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ")
            + reason,
        cause);
    this.method = method;
    this.uri = uri;
    this.attempts = attempts;
  }

  /** Returns the HTTP method of the request. */
  public String method() {
    return method;
  }

  /** Returns the URL the client tried. */
  public URI uri() {
    return uri;
  }

  /** Returns how many times the client sent the request. */
  public int attempts() {
    return attempts;
  }
}
