package dev.canarypy.server.system;

/** A request without a valid API token where one is required; returned as 401. */
public class UnauthorizedException extends RuntimeException {

  public UnauthorizedException(String detail) {
    super(detail);
  }
}
