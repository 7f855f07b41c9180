package dev.canarypy.core.allocation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Sticky choice between canary and stable for one instance of a product.
 *
 * <p>Each (release, instance) pair hashes to a bucket from 1 to {@value #BUCKET_COUNT}, and the
 * instance gets the canary when its bucket is at most {@code share × BUCKET_COUNT}. An instance
 * that gets the canary therefore keeps it as the share grows, and because the release id is part of
 * the hashed key, each new canary picks a different set of instances.
 */
public final class StickyAllocator {
  /** Number of buckets the instances are spread over. */
  public static final int BUCKET_COUNT = 10_000;

  /**
   * Allowance for floating-point error in {@code share × BUCKET_COUNT}: 0.57 × 10000 is
   * 5699.999999999999 in doubles, yet a 57 % share must cover bucket 5700. It is far below one
   * bucket, so no real share moves by it.
   */
  private static final double SHARE_EPSILON = 1e-7;

  private StickyAllocator() {}

  /**
   * Returns the bucket of an instance for one release: MurmurHash3 x86 32-bit with seed 0 of the
   * UTF-8 bytes of {@code releaseId + ":" + instanceId}, read as unsigned, modulo {@value
   * #BUCKET_COUNT}, plus 1.
   *
   * @return a bucket from 1 to {@value #BUCKET_COUNT}
   */
  public static int bucket(UUID releaseId, String instanceId) {
    Objects.requireNonNull(releaseId, "releaseId is required");
    Objects.requireNonNull(instanceId, "instanceId is required");
    byte[] key = (releaseId + ":" + instanceId).getBytes(StandardCharsets.UTF_8);
    long unsignedHash = Integer.toUnsignedLong(MurmurHash3.hash32(key, 0));
    return (int) (unsignedHash % BUCKET_COUNT) + 1;
  }

  /**
   * Returns true if the instance gets the canary when the canary's share is {@code share}.
   *
   * @param share canary share between 0 and 1
   * @throws IllegalArgumentException if {@code share} is not between 0 and 1
   */
  public static boolean choosesCanary(UUID releaseId, String instanceId, double share) {
    ProportionalAllocator.requireShare(share);
    return bucket(releaseId, instanceId) <= share * BUCKET_COUNT + SHARE_EPSILON;
  }
}
