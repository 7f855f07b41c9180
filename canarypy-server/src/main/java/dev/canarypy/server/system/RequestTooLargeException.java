package dev.canarypy.server.system;

import java.io.IOException;

/**
 * Raised while a request body is read, once it passes the size limit of its endpoint. It is an
 * {@link IOException} so that it passes through the JSON parser as a read failure.
 */
public class RequestTooLargeException extends IOException {

  public RequestTooLargeException(String message) {
    super(message);
  }
}
