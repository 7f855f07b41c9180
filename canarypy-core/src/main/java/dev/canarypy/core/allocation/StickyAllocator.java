package dev.canarypy.core.allocation;

import java.util.UUID;

/** STUB: contract for the server. */
public final class StickyAllocator {
  public static final int BUCKET_COUNT = 10_000;

  private StickyAllocator() {}

  public static int bucket(UUID releaseId, String instanceId) {
    throw new UnsupportedOperationException();
  }

  public static boolean choosesCanary(UUID releaseId, String instanceId, double share) {
    throw new UnsupportedOperationException();
  }
}
