package dev.canarypy.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProportionalAllocatorTest {

  @ParameterizedTest
  @CsvSource({"0.2, 100, 20", "1.0, 100, 100", "0.0, 100, 0", "0.5, 7, 4", "0.4, 1000, 400"})
  void canaryAnswersAreRoundedShare(double share, int answers, long expectedCanary) {
    ProportionalAllocator allocator = new ProportionalAllocator();

    for (int i = 0; i < answers; i++) {
      allocator.nextIsCanary(share);
    }

    assertThat(allocator.answered()).isEqualTo(answers);
    assertThat(allocator.canaryAnswers()).isEqualTo(expectedCanary);
  }

  @Test
  void shareOfOneFifthSpreadsCanaryAnswers() {
    ProportionalAllocator allocator = new ProportionalAllocator();
    List<Integer> canaryPositions = new ArrayList<>();

    for (int answer = 1; answer <= 15; answer++) {
      if (allocator.nextIsCanary(0.2)) {
        canaryPositions.add(answer);
      }
    }

    // round(3 · 0.2) = 1, round(8 · 0.2) = 2 and round(13 · 0.2) = 3.
    assertThat(canaryPositions).containsExactly(3, 8, 13);
  }

  @Property
  void canaryCountTracksRoundedShareAfterEveryAnswer(
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @IntRange(min = 1, max = 500) int answers) {
    ProportionalAllocator allocator = new ProportionalAllocator();

    for (long m = 1; m <= answers; m++) {
      allocator.nextIsCanary(share);

      assertThat(allocator.canaryAnswers()).isEqualTo(Math.round(m * share));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
  void nextIsCanaryRejectsInvalidShare(double share) {
    ProportionalAllocator allocator = new ProportionalAllocator();

    assertThatThrownBy(() -> allocator.nextIsCanary(share))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("share must be between 0 and 1, got " + share);
    assertThat(allocator.answered()).isZero();
  }

  @Test
  void concurrentAnswersAreCountedExactly() throws Exception {
    int threads = 8;
    int answersPerThread = 25_000;
    ProportionalAllocator allocator = new ProportionalAllocator();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> canaryCounts = new ArrayList<>();

    try {
      for (int t = 0; t < threads; t++) {
        canaryCounts.add(
            executor.submit(
                () -> {
                  start.await();
                  int canaries = 0;
                  for (int i = 0; i < answersPerThread; i++) {
                    if (allocator.nextIsCanary(0.3)) {
                      canaries++;
                    }
                  }
                  return canaries;
                }));
      }
      start.countDown();
      int canariesSeenByThreads = 0;
      for (Future<Integer> count : canaryCounts) {
        canariesSeenByThreads += count.get(60, TimeUnit.SECONDS);
      }

      assertThat(allocator.answered()).isEqualTo(200_000);
      assertThat(allocator.canaryAnswers()).isEqualTo(60_000);
      assertThat(canariesSeenByThreads).isEqualTo(60_000);
    } finally {
      executor.shutdownNow();
    }
  }
}
