package dev.canarypy.client;

/**
 * The base of every exception the client throws: a request that failed, a reply that could not be
 * read, or a thread interrupted while it waited.
 */
public class CanaryPyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that describes what failed. */
  public CanaryPyException(String message) {
    super(message);
  }

  /** Creates an exception with a message that describes what failed and the underlying cause. */
  public CanaryPyException(String message, Throwable cause) {
    super(message, cause);
  }
}
