package dev.canarypy.server.system;

/** A duplicate, or a state change the release's current state does not allow; returned as 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
