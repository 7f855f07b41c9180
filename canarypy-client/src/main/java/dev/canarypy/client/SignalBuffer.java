package dev.canarypy.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory FIFO buffer behind {@link CanaryPyClient#reportSignal}: signals that could not be
 * delivered wait here, and a daemon thread resends them oldest-first in batches through {@code POST
 * /signals}, backing off exponentially with jitter while the server stays unreachable.
 *
 * <p>The buffer contains at most {@code capacity} signals. When it is full, the oldest signal that
 * is not being sent right now is dropped and counted. A 4xx reply is never retried: the signals it
 * concerns are logged, counted as rejected and discarded.
 *
 * <p>All state is guarded by one lock. The lock is never held during a request, so a slow server
 * does not block callers of {@link #report}.
 */
final class SignalBuffer {

  /**
   * Signals per {@code POST /signals} request. The server accepts up to 10,000 in one batch, but
   * 500 keeps a request far below its 16 MiB body limit even when every description has the maximum
   * 4,000 characters.
   */
  static final int BATCH_SIZE = 500;

  private static final Logger log = LoggerFactory.getLogger(SignalBuffer.class);
  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

  /** The requests the buffer sends, which {@link CanaryPyClient} implements over HTTP. */
  interface Sender {

    /** Sends one signal with the client's own retries, for the first attempt of a new signal. */
    void sendWithRetries(SignalRequest signal);

    /** Sends one signal once, without retries. */
    void sendOnce(SignalRequest signal);

    /** Sends a batch once, without retries. The server stores all of it or nothing. */
    void sendBatchOnce(List<SignalRequest> signals);
  }

  private final Sender sender;
  private final URI serverUri;
  private final int capacity;
  private final RetryPolicy backOff;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // The signals not yet sent, oldest first, and the ones being sent right now by the thread, which
  // stay counted as buffered until the server stores them.
  private final ArrayDeque<SignalRequest> pending = new ArrayDeque<>();
  private final ArrayDeque<SignalRequest> inFlight = new ArrayDeque<>();

  private Thread thread;
  private boolean closed;
  private boolean stopping;
  private boolean retryNow;
  private long dropped;
  private long rejected;
  private long delivered;
  private long droppedInEpisode;
  private long deliveredInOutage;

  /**
   * Creates an empty buffer; its thread starts with the first buffered signal.
   *
   * @param sender sends the requests
   * @param serverUri the server's base URL, for log messages
   * @param capacity the maximum number of buffered signals, at least 1
   * @param initialDelay the delay after the first failed resend
   * @param maxDelay the maximum delay between two resends
   */
  SignalBuffer(
      Sender sender, URI serverUri, int capacity, Duration initialDelay, Duration maxDelay) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.serverUri = serverUri;
    this.capacity = capacity;
    // Only the delay computation of RetryPolicy is used: the thread retries until close().
    this.backOff = new RetryPolicy(Integer.MAX_VALUE, initialDelay, maxDelay, 2.0, 0.5);
  }

  /**
   * Delivers a signal now, or buffers it when the server cannot be reached or replies with a 5xx
   * status. While the buffer is not empty, the signal goes behind the buffered ones without a
   * request, so that the server receives one thread's signals in the order they were reported.
   *
   * @throws IllegalStateException when the client is closed
   */
  void report(SignalRequest signal) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException(
            "Cannot report a signal because the CanaryPy client is closed; report signals before"
                + " calling close()");
      }
      if (!pending.isEmpty() || !inFlight.isEmpty()) {
        enqueue(signal);
        return;
      }
    } finally {
      lock.unlock();
    }

    try {
      sender.sendWithRetries(signal);
    } catch (CanaryPyApiException e) {
      if (e.isServerError()) {
        buffer(signal, e);
      } else {
        reject(signal, e);
      }
    } catch (CanaryPyUnreachableException e) {
      buffer(signal, e);
    } catch (CanaryPyException e) {
      if (!Thread.currentThread().isInterrupted()) {
        throw e;
      }
      // The caller was interrupted while the client waited to retry. The signal is kept, and the
      // interrupt flag stays set for the caller.
      buffer(signal, e);
    }
  }

  /**
   * Waits until the buffer is empty or the timeout runs out, and cuts a running back-off short so
   * that the thread resends at once.
   *
   * @return whether the buffer was empty on return, and false when the waiting thread was
   *     interrupted, with its interrupt flag set again
   */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      if (isEmpty()) {
        return true;
      }
      retryNow = true;
      changed.signalAll();
      while (!isEmpty()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || stopping) {
          return false;
        }
        changed.awaitNanos(remaining);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Rejects further signals, tries to deliver the buffered ones within {@code timeout}, and stops
   * the thread. Signals still buffered then are logged as lost, and they stay counted as buffered.
   */
  void close(Duration timeout) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }

    boolean empty = flush(timeout);

    Thread stopped;
    lock.lock();
    try {
      stopping = true;
      stopped = thread;
      changed.signalAll();
      endDroppingEpisode();
    } finally {
      lock.unlock();
    }
    if (stopped != null) {
      // Interrupting aborts a request in flight, which the server may still have stored.
      stopped.interrupt();
      try {
        stopped.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!empty) {
      log.error(
          "Closed the CanaryPy client with {} signals for {} still buffered, which are lost",
          bufferedSignals(),
          serverUri);
    }
  }

  /** Returns the number of signals waiting to be delivered, including those being sent. */
  int bufferedSignals() {
    lock.lock();
    try {
      return pending.size() + inFlight.size();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of signals dropped because the buffer was full. */
  long droppedSignals() {
    return read(() -> dropped);
  }

  /** Returns the number of signals the server rejected with a 4xx status, which were discarded. */
  long rejectedSignals() {
    return read(() -> rejected);
  }

  /** Returns the number of signals delivered from the buffer after their first attempt failed. */
  long deliveredFromBuffer() {
    return read(() -> delivered);
  }

  /** Returns the thread that resends buffered signals, or null before the first was buffered. */
  Thread thread() {
    lock.lock();
    try {
      return thread;
    } finally {
      lock.unlock();
    }
  }

  private long read(LongSupplier counter) {
    lock.lock();
    try {
      return counter.getAsLong();
    } finally {
      lock.unlock();
    }
  }

  private boolean isEmpty() {
    return pending.isEmpty() && inFlight.isEmpty();
  }

  private void buffer(SignalRequest signal, CanaryPyException cause) {
    lock.lock();
    try {
      if (stopping) {
        // close() finished while this signal's first attempt was running.
        dropped++;
        log.error(
            "Dropped the signal for {} {} from instance {}: the client was closed while sending"
                + " it",
            signal.artifactUrl(),
            signal.semverVersion(),
            signal.instanceId(),
            cause);
        return;
      }
      if (isEmpty()) {
        log.warn(
            "Buffering signals for {} until the server can be reached again: {}",
            serverUri,
            cause.getMessage());
      }
      enqueue(signal);
    } finally {
      lock.unlock();
    }
  }

  /** Appends a signal, dropping the oldest one not in flight when the buffer is full. */
  private void enqueue(SignalRequest signal) {
    if (pending.size() + inFlight.size() >= capacity) {
      dropped++;
      droppedInEpisode++;
      if (droppedInEpisode == 1) {
        log.warn(
            "The signal buffer for {} is full at {} signals, so the oldest ones are dropped until"
                + " the server accepts signals again",
            serverUri,
            capacity);
      }
      if (pending.isEmpty()) {
        // Every buffered signal is being sent, so the new one is the oldest that can go.
        return;
      }
      pending.pollFirst();
    }
    pending.addLast(signal);
    startThread();
    changed.signalAll();
  }

  private void startThread() {
    if (thread != null) {
      return;
    }
    thread = new Thread(this::run, "canarypy-signal-buffer-" + THREAD_NUMBERS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    log.info("Started {} to resend buffered signals to {}", thread.getName(), serverUri);
  }

  private void run() {
    int failedAttempts = 0;
    while (true) {
      List<SignalRequest> batch = takeBatch();
      if (batch == null) {
        log.info("Stopped {}", Thread.currentThread().getName());
        return;
      }

      String failure = sendBatch(batch);
      if (failure == null) {
        failedAttempts = 0;
        continue;
      }

      failedAttempts++;
      Duration delay =
          backOff.delayBeforeRetry(failedAttempts, ThreadLocalRandom.current().nextDouble());
      log.warn(
          "Resending buffered signals to {} failed on attempt {} ({}); {} signals buffered,"
              + " retrying in {} ms",
          serverUri,
          failedAttempts,
          failure,
          bufferedSignals(),
          delay.toMillis());
      waitBeforeRetry(delay);
    }
  }

  /** Waits for signals and moves up to {@link #BATCH_SIZE} of them in flight; null to stop. */
  private List<SignalRequest> takeBatch() {
    lock.lock();
    try {
      while (!stopping && pending.isEmpty()) {
        changed.awaitUninterruptibly();
      }
      if (stopping) {
        return null;
      }
      List<SignalRequest> batch = new ArrayList<>(Math.min(BATCH_SIZE, pending.size()));
      while (batch.size() < BATCH_SIZE && !pending.isEmpty()) {
        SignalRequest signal = pending.pollFirst();
        batch.add(signal);
        inFlight.addLast(signal);
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends the signals in flight and returns null when none is left in flight, or what failed, in
   * which case the rest go back to the front of the buffer.
   */
  private String sendBatch(List<SignalRequest> batch) {
    try {
      sender.sendBatchOnce(batch);
      completeInFlight(batch.size());
      return null;
    } catch (CanaryPyApiException e) {
      if (e.isServerError()) {
        return requeueInFlight(e);
      }
      // The server stores a batch whole or not at all, so one invalid signal rejects all of them.
      // Sending them one at a time finds the invalid ones and delivers the rest in order.
      return sendOneByOne();
    } catch (CanaryPyException e) {
      return requeueInFlight(e);
    }
  }

  private String sendOneByOne() {
    while (true) {
      SignalRequest signal;
      lock.lock();
      try {
        signal = inFlight.peekFirst();
      } finally {
        lock.unlock();
      }
      if (signal == null) {
        return null;
      }

      try {
        sender.sendOnce(signal);
        completeInFlight(1);
      } catch (CanaryPyApiException e) {
        if (e.isServerError()) {
          return requeueInFlight(e);
        }
        lock.lock();
        try {
          inFlight.pollFirst();
        } finally {
          lock.unlock();
        }
        reject(signal, e);
      } catch (CanaryPyException e) {
        return requeueInFlight(e);
      }
    }
  }

  private void completeInFlight(int count) {
    lock.lock();
    try {
      for (int i = 0; i < count; i++) {
        inFlight.pollFirst();
      }
      delivered += count;
      deliveredInOutage += count;
      endDroppingEpisode();
      if (isEmpty()) {
        log.info(
            "Delivered all buffered signals to {}: {} since the buffer started filling",
            serverUri,
            deliveredInOutage);
        deliveredInOutage = 0;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private String requeueInFlight(CanaryPyException cause) {
    lock.lock();
    try {
      while (!inFlight.isEmpty()) {
        pending.addFirst(inFlight.pollLast());
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (Thread.interrupted()) {
      return "interrupted";
    }
    return cause.getMessage();
  }

  private void reject(SignalRequest signal, CanaryPyApiException e) {
    lock.lock();
    try {
      rejected++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    log.error(
        "The server rejected the signal for {} {} from instance {}, so it is discarded",
        signal.artifactUrl(),
        signal.semverVersion(),
        signal.instanceId(),
        e);
  }

  private void endDroppingEpisode() {
    if (droppedInEpisode == 0) {
      return;
    }
    log.warn(
        "The signal buffer for {} dropped {} signals while it was full; {} dropped in total",
        serverUri,
        droppedInEpisode,
        dropped);
    droppedInEpisode = 0;
  }

  private void waitBeforeRetry(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    lock.lock();
    try {
      while (!stopping && !retryNow) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        changed.awaitNanos(remaining);
      }
      retryNow = false;
    } catch (InterruptedException e) {
      // close() interrupts the thread to stop it, and the loop reads the stopping flag next.
    } finally {
      lock.unlock();
    }
  }
}
