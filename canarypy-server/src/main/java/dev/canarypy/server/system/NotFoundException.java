package dev.canarypy.server.system;

/** A product, release or resource that does not exist; returned as 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
