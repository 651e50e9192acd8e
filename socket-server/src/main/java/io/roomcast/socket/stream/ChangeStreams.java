package io.roomcast.socket.stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomcast.common.metrics.MongoDriverMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The change streams of all watched databases, over one MongoDB client. */
public final class ChangeStreams implements AutoCloseable {
  /** How long startup waits for the streams to open before going on without them. */
  public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreams.class);
  private static final String APPLICATION_NAME = "roomcast-socket-server";

  /** How long close() waits for cancelled streams' last getMore (bounded by the idle wait). */
  private static final Duration CLOSE_TIMEOUT = ChangeStreamWatcher.MAX_AWAIT.plusSeconds(2);

  /** No stream command for this long after the last one ended: the driver has nothing to send. */
  private static final Duration CLOSE_QUIET = Duration.ofMillis(100);

  private final MongoClient client;
  private final CursorReplies replies;
  private final ScheduledExecutorService scheduler;
  private final List<ChangeStreamWatcher> watchers;

  private ChangeStreams(
      MongoClient client,
      CursorReplies replies,
      ScheduledExecutorService scheduler,
      List<ChangeStreamWatcher> watchers) {
    this.client = client;
    this.replies = replies;
    this.scheduler = scheduler;
    this.watchers = watchers;
  }

  /**
   * Starts one stream per database and waits up to {@link #OPEN_TIMEOUT} for all to be open. A
   * database that is not reachable yet does not stop startup: its stream keeps retrying.
   */
  public static ChangeStreams open(
      ConnectionString uri,
      List<String> databases,
      ChangeListener listener,
      StreamFailureListener failures) {
    return open(uri, databases, listener, failures, (database, cause) -> {}, null);
  }

  /**
   * As {@link #open(ConnectionString, List, ChangeListener, StreamFailureListener)}, telling each
   * restart and publishing the driver's command and pool metrics to {@code driverMetrics} (none
   * when null).
   */
  public static ChangeStreams open(
      ConnectionString uri,
      List<String> databases,
      ChangeListener listener,
      StreamFailureListener failures,
      StreamRestartListener restarts,
      MeterRegistry driverMetrics) {
    CursorReplies replies = new CursorReplies();
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(uri).addCommandListener(replies);
    if (driverMetrics != null) {
      MongoDriverMetrics.instrument(settings, driverMetrics);
    }
    if (uri.getApplicationName() == null) {
      settings.applicationName(APPLICATION_NAME);
    }
    MongoClient client = MongoClients.create(settings.build());
    // One thread only schedules reopenings after a backoff; events arrive on the driver's threads.
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "change-stream-reopen");
              thread.setDaemon(true);
              return thread;
            });
    List<ChangeStreamWatcher> watchers = new ArrayList<>();
    for (String database : databases) {
      ChangeStreamWatcher watcher =
          new ChangeStreamWatcher(client, database, listener, failures, restarts, scheduler);
      replies.register(database, watcher);
      watchers.add(watcher);
    }
    ChangeStreams streams = new ChangeStreams(client, replies, scheduler, List.copyOf(watchers));
    watchers.forEach(ChangeStreamWatcher::start);
    streams.awaitOpen();
    return streams;
  }

  private void awaitOpen() {
    long deadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
    try {
      for (ChangeStreamWatcher watcher : watchers) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!watcher.awaitOpen(left)) {
          LOG.warn(
              "change streams not open after {} s (database unreachable?); changes flow once "
                  + "they open",
              OPEN_TIMEOUT.toSeconds());
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What each watched database's stream has done so far, in the configured order. */
  public List<StreamStats> stats() {
    return watchers.stream().map(ChangeStreamWatcher::stats).toList();
  }

  /** The stats of one watched database's stream. */
  public StreamStats stats(String database) {
    for (ChangeStreamWatcher watcher : watchers) {
      StreamStats stats = watcher.stats();
      if (stats.database().equals(database)) {
        return stats;
      }
    }
    throw new IllegalArgumentException("not a watched database: " + database);
  }

  /**
   * Cancels every stream, stops the scheduler, waits (boundedly) for the streams' last commands to
   * end, then closes the client and its threads. Idempotent; not to be called on a driver thread.
   */
  @Override
  public void close() {
    watchers.forEach(ChangeStreamWatcher::close);
    for (StreamStats stream : stats()) {
      LOG.info(
          "stream of database '{}' closed: reopened {} times, at most {} events requested ahead",
          stream.database(),
          stream.reopenings(),
          stream.largestDemand());
    }
    scheduler.shutdownNow();
    try {
      if (!replies.awaitQuiet(CLOSE_QUIET, CLOSE_TIMEOUT)) {
        LOG.debug("closing the MongoDB client with a stream command still running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.close();
    }
  }
}
