package io.roomcast.embedded.ttl;

import io.roomcast.embedded.capture.CapturingBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB's TTL monitor: one thread that, every interval (MongoDB's {@code ttlMonitorSleepSecs}, 60
 * s by default), deletes the expired documents of every TTL index as ordinary deletes, so change
 * streams report them as delete events. A pass deletes at most {@link #MAX_DELETES_PER_INDEX} per
 * index (MongoDB's {@code ttlIndexDeleteTargetDocs}), the rest in the next pass, and holds a
 * collection's lock for at most {@link #DELETES_PER_LOCK} deletes at a time, so that writers on the
 * connections' event loops wait for a short batch at most.
 */
public final class TtlMonitor implements AutoCloseable {
  static final int MAX_DELETES_PER_INDEX = 50_000;
  static final int DELETES_PER_LOCK = 500;

  private static final Logger log = LoggerFactory.getLogger(TtlMonitor.class);

  private final CapturingBackend backend;
  private final TtlIndexes indexes;
  private final ScheduledExecutorService thread;

  private TtlMonitor(CapturingBackend backend, TtlIndexes indexes, String threadName) {
    this.backend = backend;
    this.indexes = indexes;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread monitor = new Thread(task, threadName);
              monitor.setDaemon(true);
              return monitor;
            });
  }

  /** Starts the thread; the first pass runs one interval from now. */
  public static TtlMonitor start(
      CapturingBackend backend, TtlIndexes indexes, Duration interval, String threadName) {
    TtlMonitor monitor = new TtlMonitor(backend, indexes, threadName);
    long nanos = interval.toNanos();
    monitor.thread.scheduleWithFixedDelay(monitor::pass, nanos, nanos, TimeUnit.NANOSECONDS);
    return monitor;
  }

  /** One pass over every TTL index; a failure on one index is logged and the others go on. */
  private void pass() {
    long now = System.currentTimeMillis();
    for (Map.Entry<String, List<TtlIndex>> entry : indexes.snapshot().entrySet()) {
      for (TtlIndex index : entry.getValue()) {
        if (Thread.currentThread().isInterrupted()) {
          return; // closing
        }
        try {
          int deleted = expire(entry.getKey(), index, now);
          if (deleted > 0) {
            log.debug(
                "TTL index {} of {}: {} expired documents deleted",
                index.name(),
                entry.getKey(),
                deleted);
          }
        } catch (RuntimeException e) {
          log.warn(
              "TTL index {} of {}: pass failed: {}", index.name(), entry.getKey(), e.toString());
        }
      }
    }
  }

  private int expire(String namespace, TtlIndex index, long now) {
    int dot = namespace.indexOf('.');
    String database = namespace.substring(0, dot);
    String collection = namespace.substring(dot + 1);
    int deleted = 0;
    while (deleted < MAX_DELETES_PER_INDEX && !Thread.currentThread().isInterrupted()) {
      int limit = Math.min(DELETES_PER_LOCK, MAX_DELETES_PER_INDEX - deleted);
      int batch =
          backend.deleteWhere(
              database,
              collection,
              index.partialFilter(),
              document -> index.isExpired(document, now),
              limit);
      deleted += batch;
      if (batch < limit) {
        break;
      }
    }
    return deleted;
  }

  /** Stops the thread, waiting for a batch in progress. Idempotent. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("TTL monitor did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
