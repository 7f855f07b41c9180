package dev.canarypy.server.token;

import dev.canarypy.server.system.DatabaseOutageLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps the hashes of all API tokens in memory, so that checking a request's token needs no
 * database query.
 *
 * <p>The first request after the table became older than {@code canarypy.token-cache.ttl} (default
 * 5 s) reads it again, while concurrent requests go on with the old table. Creating or revoking a
 * token reads it at once, so the change takes effect on this replica at once and on the others
 * within the TTL.
 */
@Component
public class TokenRegistry {

  private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);

  /** The tokens by hash, and when they were read ({@link System#nanoTime()}). */
  private record Snapshot(Map<String, AuthenticatedToken> byHash, long loadedAtNanos) {}

  private final TokenRepository repository;
  private final DatabaseOutageLog outageLog;
  private final long ttlNanos;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private volatile Snapshot snapshot;

  TokenRegistry(
      TokenRepository repository,
      DatabaseOutageLog outageLog,
      @Value("${canarypy.token-cache.ttl:5s}") Duration ttl) {
    this.repository = repository;
    this.outageLog = outageLog;
    this.ttlNanos = ttl.toNanos();
  }

  /** Logs a warning at start when no token exists, because then the API is open to anyone. */
  @EventListener(ApplicationReadyEvent.class)
  void warnWhenOpen() {
    try {
      if (!anyTokens()) {
        log.warn(
            "No API token exists, so every request is allowed without one; create an admin token"
                + " now with 'canarypy token create --scope admin --name NAME' to require tokens");
      }
    } catch (DataAccessException failure) {
      log.warn(
          "Could not read the API tokens at start; the first request reads them again", failure);
    }
  }

  /**
   * Returns whether any token exists, reading the tokens again if they are older than the TTL.
   *
   * @throws DataAccessException when the tokens were never read and the database is unavailable
   */
  public boolean anyTokens() {
    return !current().byHash().isEmpty();
  }

  /**
   * Finds the token with this hash; null when no token has it.
   *
   * @throws DataAccessException when the tokens were never read and the database is unavailable
   */
  AuthenticatedToken find(String hash) {
    return current().byHash().get(hash);
  }

  /** Reads the tokens now, after this replica created or revoked one. */
  void refresh() {
    refreshLock.lock();
    try {
      load();
    } finally {
      refreshLock.unlock();
    }
  }

  private Snapshot current() {
    Snapshot loaded = snapshot;
    if (loaded == null) {
      refresh();
      return snapshot;
    }
    if (System.nanoTime() - loaded.loadedAtNanos() < ttlNanos || !refreshLock.tryLock()) {
      return loaded;
    }
    try {
      if (snapshot == loaded) {
        load();
      }
    } catch (DataAccessException failure) {
      // Go on with the tokens read last, and try again after one more TTL rather than on every
      // request, which would wait for the database each time.
      outageLog.failed(failure);
      snapshot = new Snapshot(loaded.byHash(), System.nanoTime());
    } finally {
      refreshLock.unlock();
    }
    return snapshot;
  }

  private void load() {
    Map<String, AuthenticatedToken> byHash = new HashMap<>();
    for (TokenRepository.StoredToken stored : repository.findAll()) {
      byHash.put(
          stored.hash(), new AuthenticatedToken(stored.token().name(), stored.token().scope()));
    }
    snapshot = new Snapshot(Map.copyOf(byHash), System.nanoTime());
  }
}
