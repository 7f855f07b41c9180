package dev.canarypy.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps recent results of {@code GET /metrics/releases}. Every open dashboard with auto-refresh on
 * requests the same rows again and again, and with months of signals one result has thousands of
 * hourly rows.
 *
 * <p>A result is reused until this replica commits new counts or the expiry passes, so signals
 * stored through this replica show at once and those stored through another replica within the
 * expiry. Concurrent requests for a result that is not cached wait for one database query.
 */
@Component
class HourlyCountCache {

  /** Maximum number of cached results. A new window beyond it empties the cache. */
  private static final int MAX_ENTRIES = 64;

  private final HourlyCountRepository repository;
  private final SignalHourlyCounts counters;
  private final long ttlNanos;
  private final Map<Query, Entry> entries = new ConcurrentHashMap<>();

  HourlyCountCache(
      HourlyCountRepository repository,
      SignalHourlyCounts counters,
      @Value("${canarypy.metrics-cache.ttl:1s}") Duration ttl) {
    this.repository = repository;
    this.counters = counters;
    this.ttlNanos = ttl.toNanos();
  }

  /** Filters of one request. A null filter matches everything. */
  record Query(UUID productId, String semverVersion, Instant fromHour, Instant to) {}

  private record Entry(long changes, long loadedAt, CompletableFuture<List<HourlyCount>> rows) {}

  /** Returns the counters that match the query, from the cache when they are recent. */
  List<HourlyCount> find(Query query) {
    Entry candidate =
        new Entry(counters.committedChanges(), System.nanoTime(), new CompletableFuture<>());
    if (entries.size() >= MAX_ENTRIES && !entries.containsKey(query)) {
      entries.clear();
    }
    Entry entry =
        entries.compute(query, (key, current) -> isFresh(current, candidate) ? current : candidate);
    if (entry == candidate) {
      load(query, candidate);
    }
    try {
      return entry.rows().join();
    } catch (CompletionException failed) {
      // The query's own exception, such as a database outage, maps to its usual reply.
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }

  private boolean isFresh(Entry current, Entry candidate) {
    return current != null
        && current.changes() == candidate.changes()
        && candidate.loadedAt() - current.loadedAt() < ttlNanos
        && !current.rows().isCompletedExceptionally();
  }

  private void load(Query query, Entry entry) {
    try {
      entry
          .rows()
          .complete(
              List.copyOf(
                  repository.find(
                      query.productId(), query.semverVersion(), query.fromHour(), query.to())));
    } catch (RuntimeException failed) {
      entries.remove(query, entry);
      entry.rows().completeExceptionally(failed);
    }
  }
}
