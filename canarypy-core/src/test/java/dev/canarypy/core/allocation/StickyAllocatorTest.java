package dev.canarypy.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StickyAllocatorTest {
  private static final UUID RELEASE = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** Buckets computed independently with Guava's {@code Hashing.murmur3_32_fixed}. */
  @ParameterizedTest
  @CsvSource({
    "123e4567-e89b-12d3-a456-426614174000, worker-1, 2393",
    "123e4567-e89b-12d3-a456-426614174000, worker-2, 6455",
    "00000000-0000-0000-0000-000000000001, host-a, 7179",
    "00000000-0000-0000-0000-000000000001, '', 1131",
  })
  void bucketMatchesReference(UUID releaseId, String instanceId, int expected) {
    assertThat(StickyAllocator.bucket(releaseId, instanceId)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0.2393, true", "0.2392, false", "0.2, false", "1.0, true", "0.0, false"})
  void choosesCanaryWhenBucketWithinShare(double share, boolean expected) {
    // worker-1 has bucket 2393 for this release.
    assertThat(StickyAllocator.choosesCanary(RELEASE, "worker-1", share)).isEqualTo(expected);
  }

  @Test
  void choosesCanaryAtInexactShare() {
    // In doubles 0.57 · 10000 is 5699.999999999999, yet bucket 5700 lies within a 57 % share.
    UUID release = findReleaseWithBucket("worker-1", 5700);

    assertThat(StickyAllocator.choosesCanary(release, "worker-1", 0.57)).isTrue();
    assertThat(StickyAllocator.choosesCanary(release, "worker-1", 0.5699)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
  void choosesCanaryRejectsInvalidShare(double share) {
    assertThatThrownBy(() -> StickyAllocator.choosesCanary(RELEASE, "worker-1", share))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("share must be between 0 and 1, got " + share);
  }

  @Test
  void bucketRejectsMissingInstanceId() {
    assertThatThrownBy(() -> StickyAllocator.bucket(RELEASE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("instanceId is required");
  }

  @Property
  void bucketIsWithinRange(@ForAll("releaseIds") UUID releaseId, @ForAll String instanceId) {
    assertThat(StickyAllocator.bucket(releaseId, instanceId))
        .isBetween(1, StickyAllocator.BUCKET_COUNT);
  }

  @Property
  void canaryInstanceKeepsCanaryAsShareGrows(
      @ForAll("releaseIds") UUID releaseId,
      @ForAll String instanceId,
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @DoubleRange(min = 0, max = 1) double increase) {
    double largerShare = Math.min(1, share + increase);

    if (StickyAllocator.choosesCanary(releaseId, instanceId, share)) {
      assertThat(StickyAllocator.choosesCanary(releaseId, instanceId, largerShare)).isTrue();
    }
  }

  @Property(tries = 50)
  void canaryFractionIsCloseToShare(
      @ForAll("releaseIds") UUID releaseId, @ForAll @DoubleRange(min = 0, max = 1) double share) {
    int instances = 20_000;
    int canaries = 0;
    for (int i = 0; i < instances; i++) {
      if (StickyAllocator.choosesCanary(releaseId, "instance-" + i, share)) {
        canaries++;
      }
    }

    // The binomial standard deviation is at most 0.0036 here, so 0.02 is over five of them.
    assertThat((double) canaries / instances).isCloseTo(share, within(0.02));
  }

  @Property(tries = 50)
  void differentReleasesPickDifferentInstances(
      @ForAll("releaseIds") UUID first, @ForAll("releaseIds") UUID second) {
    int instances = 2_000;
    int inFirst = 0;
    int inBoth = 0;
    for (int i = 0; i < instances; i++) {
      String instanceId = "instance-" + i;
      boolean firstChoosesCanary = StickyAllocator.choosesCanary(first, instanceId, 0.5);
      if (firstChoosesCanary) {
        inFirst++;
      }
      if (firstChoosesCanary && StickyAllocator.choosesCanary(second, instanceId, 0.5)) {
        inBoth++;
      }
    }

    // Independent picks share about half of the first release's canary instances; identical
    // picks would share all of them.
    if (!first.equals(second)) {
      assertThat((double) inBoth / inFirst).isBetween(0.4, 0.6);
    }
  }

  @Provide
  Arbitrary<UUID> releaseIds() {
    return Arbitraries.longs().tuple2().map(bits -> new UUID(bits.get1(), bits.get2()));
  }

  private static UUID findReleaseWithBucket(String instanceId, int bucket) {
    for (long i = 0; ; i++) {
      UUID release = new UUID(0, i);
      if (StickyAllocator.bucket(release, instanceId) == bucket) {
        return release;
      }
    }
  }
}
