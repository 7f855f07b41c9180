package dev.canarypy.server.signal;

import dev.canarypy.core.analysis.SignalCounts;
import dev.canarypy.server.dashboard.SignalHourlyCounts;
import dev.canarypy.server.release.ReleaseLifecycle;
import dev.canarypy.server.release.ReleaseRepository;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores signals with group commit, then evaluates the canaries they touched.
 *
 * <p>Every signal adds to its release's counter row, so concurrent transactions that each store one
 * signal wait for one another's commit on that row lock. Here one writer thread stores everything
 * that arrived while the previous transaction ran in a single transaction: one commit and one batch
 * of counter UPDATEs for the whole group. Each caller still returns only after the transaction
 * holding its signals has committed and the canary evaluation that counted them ran.
 */
@Component
class SignalWriter {

  /** The maximum signals in one group transaction; a single larger request still runs alone. */
  private static final int MAX_GROUP_SIGNALS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(SignalWriter.class);

  private final SignalRepository signals;
  private final SignalHourlyCounts hourlyCounts;
  private final ReleaseRepository releases;
  private final ReleaseLifecycle lifecycle;
  private final TransactionTemplate transaction;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  SignalWriter(
      SignalRepository signals,
      SignalHourlyCounts hourlyCounts,
      ReleaseRepository releases,
      ReleaseLifecycle lifecycle,
      TransactionTemplate transaction) {
    this.signals = signals;
    this.hourlyCounts = hourlyCounts;
    this.releases = releases;
    this.lifecycle = lifecycle;
    this.transaction = transaction;
    this.writer = new Thread(this::writeGroups, "canarypy-signal-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Stores the signals in one transaction, all or none, and evaluates the canaries in flight
   * afterwards. Returns once the signals are committed.
   *
   * @param canaries the canaries in flight for the signals' products
   * @throws RuntimeException the exception that rolled back the transaction
   */
  void write(List<Signal> batch, Set<UUID> canaries) {
    Pending pending = new Pending(batch, canaries, new CompletableFuture<>());
    queue.add(pending);
    if (!running && queue.remove(pending)) {
      // Shutting down: the writer thread may have stopped, so write in the caller's thread. Either
      // this or stop() removes the request from the queue, never both.
      process(List.of(pending));
    }
    try {
      pending.done().join();
    } catch (CompletionException failure) {
      if (failure.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (failure.getCause() instanceof Error error) {
        throw error;
      }
      throw failure;
    }
  }

  private void writeGroups() {
    while (running) {
      try {
        // The timeout bounds how long stop() waits for this loop to notice it should end.
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          process(nextGroup(first));
        }
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error unexpected) {
        // process() completes every future itself; this keeps the writer alive regardless.
        log.error("The signal writer failed; it goes on with the next signals", unexpected);
      }
    }
  }

  private List<Pending> nextGroup(Pending first) {
    List<Pending> group = new ArrayList<>();
    group.add(first);
    int size = first.batch().size();
    Pending next;
    while ((next = queue.peek()) != null && size + next.batch().size() <= MAX_GROUP_SIGNALS) {
      group.add(queue.poll());
      size += next.batch().size();
    }
    return group;
  }

  private void process(List<Pending> group) {
    List<Pending> stored = new ArrayList<>(group.size());
    try {
      store(group);
      stored.addAll(group);
    } catch (RuntimeException | Error failure) {
      if (group.size() == 1) {
        group.get(0).done().completeExceptionally(failure);
      } else {
        // One request's signals may have caused it: store each request on its own, so a request
        // fails only when its own transaction fails, as it would without grouping.
        for (Pending pending : group) {
          try {
            store(List.of(pending));
            stored.add(pending);
          } catch (RuntimeException | Error own) {
            pending.done().completeExceptionally(own);
          }
        }
      }
    }

    Set<UUID> canaries = new LinkedHashSet<>();
    stored.forEach(pending -> canaries.addAll(pending.canaries()));
    for (UUID canaryId : canaries) {
      try {
        lifecycle.evaluate(canaryId);
      } catch (RuntimeException failure) {
        // The signals are stored; the background evaluator decides on its next run.
        log.error("Evaluating canary release {} after a signal failed", canaryId, failure);
      }
    }
    stored.forEach(pending -> pending.done().complete(null));
  }

  private void store(List<Pending> group) {
    List<Signal> all = new ArrayList<>();
    // Sorted by id, so that concurrent transactions lock the release rows in the same order.
    Map<UUID, long[]> countsByRelease = new TreeMap<>();
    for (Pending pending : group) {
      for (Signal signal : pending.batch()) {
        all.add(signal);
        long[] counts = countsByRelease.computeIfAbsent(signal.releaseId(), id -> new long[2]);
        counts[SignalStatus.SUCCESS.wireName().equals(signal.status()) ? 0 : 1]++;
      }
    }
    Map<UUID, SignalCounts> releaseCounts = new TreeMap<>();
    countsByRelease.forEach(
        (id, counts) -> releaseCounts.put(id, new SignalCounts(counts[0], counts[1])));
    transaction.executeWithoutResult(
        status -> {
          signals.insertAll(all);
          hourlyCounts.add(all);
          releases.addCounts(releaseCounts);
        });
  }

  /** Stops the writer thread and stores whatever is still queued. */
  @PreDestroy
  void stop() throws InterruptedException {
    // No interrupt: it could break a JDBC call in the middle of a group's transaction.
    running = false;
    writer.join(TimeUnit.SECONDS.toMillis(30));
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    for (Pending pending : left) {
      process(List.of(pending));
    }
  }

  private record Pending(List<Signal> batch, Set<UUID> canaries, CompletableFuture<Void> done) {}
}
