package io.roomcast.socket.replay;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.roomcast.socket.emit.ChangePreparer;
import io.roomcast.socket.metrics.SocketMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads positions older than the window from MongoDB, on at most {@code CATCHUP_CURSORS} threads of
 * their own (one cursor each), so that a reconnect storm cannot open a stream per client: requests
 * wait in a queue bounded by {@code CATCHUP_QUEUE} (beyond it they are refused, nothing done), and
 * a thread that starts takes every request waiting then and reads them all with one cursor per
 * database, from the oldest position among them ({@link CatchUpCursor}). Results go to the hub.
 */
public final class CatchUps implements AutoCloseable {
  private static final String APPLICATION_NAME = "roomcast-socket-server-catchup";

  private final MongoClient client;
  private final List<String> databases;
  private final ChangePreparer preparer;
  private final ReplaySettings settings;
  private final DeliveryHub hub;
  private final SocketMetrics metrics;
  private final BlockingQueue<JoinRequest> waiting;
  private final ExecutorService cursors;
  private final AtomicInteger open = new AtomicInteger();

  public CatchUps(
      ConnectionString uri,
      List<String> databases,
      ChangePreparer preparer,
      ReplaySettings settings,
      DeliveryHub hub,
      SocketMetrics metrics) {
    MongoClientSettings.Builder client = MongoClientSettings.builder().applyConnectionString(uri);
    if (uri.getApplicationName() == null) {
      client.applicationName(APPLICATION_NAME);
    }
    this.client = MongoClients.create(client.build());
    this.databases = List.copyOf(databases);
    this.preparer = preparer;
    this.settings = settings;
    this.hub = hub;
    this.metrics = metrics;
    this.waiting = new ArrayBlockingQueue<>(settings.catchUpQueue());
    AtomicInteger threads = new AtomicInteger();
    // Each task only drains the bounded queue, and one is queued per request accepted there.
    this.cursors =
        new ThreadPoolExecutor(
            settings.catchUpCursors(),
            settings.catchUpCursors(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "catch-up-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    hub.catchUps(this);
  }

  /** Queues a request; false when the queue is full (the request is untouched). */
  boolean submit(JoinRequest request) {
    if (!waiting.offer(request)) {
      return false;
    }
    cursors.execute(this::readWaiting);
    return true;
  }

  private void readWaiting() {
    List<JoinRequest> batch = new ArrayList<>();
    waiting.drainTo(batch);
    if (batch.isEmpty()) {
      return; // an earlier thread took them along
    }
    batch.sort(Comparator.comparing(JoinRequest::since));
    open.incrementAndGet();
    try {
      for (CatchUpResult result :
          new CatchUpCursor(client, databases, preparer, settings, hub::floor, metrics)
              .read(batch)) {
        hub.caughtUp(result);
      }
    } finally {
      open.decrementAndGet();
    }
  }

  /** Catch-up cursors reading now. */
  public int openCursors() {
    return open.get();
  }

  /** Catch-ups waiting for a cursor. */
  public int waiting() {
    return waiting.size();
  }

  @Override
  public void close() {
    cursors.shutdownNow();
    try {
      cursors.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
