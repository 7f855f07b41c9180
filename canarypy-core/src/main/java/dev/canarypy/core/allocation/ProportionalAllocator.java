package dev.canarypy.core.allocation;

/** STUB: contract for the server. One instance counts the answers of one band of one canary. */
public final class ProportionalAllocator {

  public boolean nextIsCanary(double share) {
    throw new UnsupportedOperationException();
  }

  public long answered() {
    throw new UnsupportedOperationException();
  }

  public long canaryAnswers() {
    throw new UnsupportedOperationException();
  }
}
