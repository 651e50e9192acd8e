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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private final MongoClient client;
  private final List<ScheduledExecutorService> owners;
  private final List<ChangeStreamWatcher> watchers;

  private ChangeStreams(
      MongoClient client,
      List<ScheduledExecutorService> owners,
      List<ChangeStreamWatcher> watchers) {
    this.client = client;
    this.owners = owners;
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
    List<ScheduledExecutorService> owners = new ArrayList<>();
    List<ChangeStreamWatcher> watchers = new ArrayList<>();
    for (String database : databases) {
      // Each stream's owner: the only thread that touches its position, demand and restarts.
      ScheduledExecutorService owner = ownerThread("change-stream-" + database);
      ChangeStreamWatcher watcher =
          new ChangeStreamWatcher(client, database, listener, failures, restarts, owner);
      replies.register(watcher);
      owners.add(owner);
      watchers.add(watcher);
    }
    ChangeStreams streams = new ChangeStreams(client, List.copyOf(owners), List.copyOf(watchers));
    watchers.forEach(ChangeStreamWatcher::start);
    streams.awaitOpen();
    return streams;
  }

  private static ScheduledExecutorService ownerThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  private void awaitOpen() {
    CompletableFuture<?>[] opened =
        watchers.stream().map(ChangeStreamWatcher::firstOpen).toArray(CompletableFuture[]::new);
    if (!awaitAll(opened, OPEN_TIMEOUT)) {
      LOG.warn(
          "change streams not open after {} s (database unreachable?); changes flow once "
              + "they open",
          OPEN_TIMEOUT.toSeconds());
    }
  }

  private static boolean awaitAll(CompletableFuture<?>[] futures, Duration timeout) {
    try {
      CompletableFuture.allOf(futures).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
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
   * Cancels every stream, waits (boundedly) for the streams' last commands to end, stops their
   * owner threads, then closes the client and its threads. Idempotent; not to be called on a driver
   * thread.
   */
  @Override
  public void close() {
    CompletableFuture<?>[] quiet =
        watchers.stream().map(ChangeStreamWatcher::close).toArray(CompletableFuture[]::new);
    if (!awaitAll(quiet, CLOSE_TIMEOUT)) {
      LOG.debug("closing the MongoDB client with a stream command still running");
    }
    for (StreamStats stream : stats()) {
      LOG.info(
          "stream of database '{}' closed: reopened {} times, at most {} events requested ahead",
          stream.database(),
          stream.reopenings(),
          stream.largestDemand());
    }
    owners.forEach(ScheduledExecutorService::shutdownNow);
    client.close();
  }
}
