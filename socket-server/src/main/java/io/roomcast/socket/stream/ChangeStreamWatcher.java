package io.roomcast.socket.stream;

import com.mongodb.MongoException;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.reactivestreams.client.ChangeStreamPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change stream on one whole database, consumed through the Reactive Streams driver with
 * bounded demand: {@link #BATCH_SIZE} events are requested up front and one more only after an
 * event has been handed to the listener, so a slow listener slows the reading instead of filling
 * memory. The position kept for resuming is each event's token, and, while the database is quiet,
 * the server's post-batch token of empty batches (seen by {@link CursorReplies}). After an error
 * the stream is reopened from that position with a capped backoff; nothing here blocks a thread.
 */
public final class ChangeStreamWatcher implements AutoCloseable, BoundedSubscriber.Owner {
  /** Events requested ahead: enough to amortize round trips, few enough to stay responsive. */
  public static final int BATCH_SIZE = 256;

  /** How long an idle getMore waits on the server before the position moves on. */
  public static final Duration MAX_AWAIT = Duration.ofMillis(500);

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatcher.class);

  private final MongoClient client;
  private final String database;
  private final ChangeListener listener;
  private final StreamFailureListener failures;
  private final StreamRestartListener restarts;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff = new Backoff();
  private final CountDownLatch firstOpen = new CountDownLatch(1);
  private final Object lock = new Object();
  private final AtomicLong largestDemand = new AtomicLong();
  private final AtomicInteger subscriptions = new AtomicInteger();
  private volatile boolean stopped;
  private volatile boolean failed;

  /** The server's id for "no cursor"; a closed cursor's replies carry it too, and are ignored. */
  private static final long NO_CURSOR = 0;

  private volatile long cursorId = NO_CURSOR;
  // Guarded by lock: where to resume, and the subscription that is current.
  private BsonDocument token;
  private boolean startAfter;
  private BoundedSubscriber current;
  private Instant caughtUpTo;

  ChangeStreamWatcher(
      MongoClient client,
      String database,
      ChangeListener listener,
      StreamFailureListener failures,
      StreamRestartListener restarts,
      ScheduledExecutorService scheduler) {
    this.client = client;
    this.database = database;
    this.listener = listener;
    this.failures = failures;
    this.restarts = restarts;
    this.scheduler = scheduler;
  }

  void start() {
    subscribe();
  }

  /** Waits until the stream is open for the first time (or has stopped for good). */
  boolean awaitOpen(Duration timeout) throws InterruptedException {
    return firstOpen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void subscribe() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      ChangeStreamPublisher<BsonDocument> changes =
          client
              .getDatabase(database)
              .watch(BsonDocument.class)
              .fullDocument(FullDocument.UPDATE_LOOKUP)
              .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE)
              .batchSize(BATCH_SIZE)
              .maxAwaitTime(MAX_AWAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (token != null) {
        changes = startAfter ? changes.startAfter(token) : changes.resumeAfter(token);
      }
      cursorId = NO_CURSOR; // until the new aggregate replies, no reply is the current cursor's
      current = new BoundedSubscriber(BATCH_SIZE, this, largestDemand);
      subscriptions.incrementAndGet();
      changes.withDocumentClass(BsonDocument.class).subscribe(current);
    }
  }

  /** The server opened a cursor for this database's stream (told by {@link CursorReplies}). */
  void onCursorOpened(long id) {
    cursorId = id;
    backoff.reset();
    LOG.info("watching database '{}' from {}", database, ResumeTokens.describe(position()));
    firstOpen.countDown();
  }

  /**
   * An empty batch of the current cursor: every earlier event has been handed on (the driver asks
   * for the next batch only then), so the server's post-batch token is a safe place to resume.
   */
  void onIdlePosition(long id, BsonDocument postBatchToken) {
    synchronized (lock) {
      if (id != NO_CURSOR && id == cursorId) {
        token = postBatchToken;
        startAfter = false;
        caughtUpTo = Instant.now(); // the server had nothing more when it replied
      }
    }
  }

  /** What this stream has done so far. */
  StreamStats stats() {
    StreamState state =
        stopped || failed
            ? StreamState.STOPPED
            : cursorId != NO_CURSOR ? StreamState.OPEN : StreamState.CONNECTING;
    synchronized (lock) {
      return new StreamStats(
          database,
          Math.max(0, subscriptions.get() - 1),
          largestDemand.get(),
          token,
          state,
          caughtUpTo);
    }
  }

  /** Where the stream would resume now; null means "from now". */
  BsonDocument position() {
    synchronized (lock) {
      return token;
    }
  }

  @Override
  public boolean isCurrent(BoundedSubscriber subscriber) {
    if (stopped) {
      return false;
    }
    synchronized (lock) {
      return current == subscriber;
    }
  }

  /** Hands one event on and keeps its token; false after an invalidate, which ends the stream. */
  @Override
  public boolean onEvent(BsonDocument event) {
    try {
      listener.onChange(event);
    } catch (RuntimeException e) {
      // A bug in handling one event must not stop the stream for every other client.
      LOG.error(
          "a change in '{}' could not be emitted ({}); continuing",
          database,
          StreamErrors.describe(e),
          e);
    }
    boolean invalidated = "invalidate".equals(OperationType.of(event));
    synchronized (lock) {
      token = event.getDocument("_id");
      caughtUpTo = ChangeTimes.of(event).orElse(caughtUpTo);
      // After an invalidate (database dropped) only startAfter may open a new stream.
      startAfter = invalidated;
    }
    if (invalidated) {
      LOG.info("change stream on '{}' invalidated (database dropped); reopening", database);
      cursorId = NO_CURSOR;
      restarts.onRestart(database, "invalidate");
      schedule(Duration.ZERO);
    }
    return !invalidated;
  }

  /** Reacts to the end of a stream: an error, or its completion. */
  @Override
  public void onEnd(Throwable error) {
    cursorId = NO_CURSOR;
    if (error == null) {
      restarts.onRestart(database, "completed");
      schedule(Duration.ZERO);
      return;
    }
    StreamErrors.Action action =
        error instanceof MongoException mongo
            ? StreamErrors.classify(mongo)
            : StreamErrors.Action.RESUME;
    switch (action) {
      case RESTART_FROM_NOW -> {
        restarts.onRestart(database, error.getClass().getSimpleName());
        restartFromNow((MongoException) error);
      }
      case STOP -> stop((MongoException) error);
      default -> {
        restarts.onRestart(database, error.getClass().getSimpleName());
        retryLater(error);
      }
    }
  }

  private void restartFromNow(MongoException error) {
    LOG.warn(
        "change stream on '{}' cannot resume from {}: the server no longer has that history "
            + "(code {}); restarting from now, so changes in between are not delivered. "
            + "A larger oplog (replSetResizeOplog) keeps more history.",
        database,
        ResumeTokens.describe(position()),
        error.getCode());
    synchronized (lock) {
      token = null;
      startAfter = false;
    }
    schedule(Duration.ZERO);
  }

  private void stop(MongoException error) {
    String message =
        "change stream on '"
            + database
            + "' stopped: "
            + StreamErrors.describe(error)
            + "; fix: "
            + StreamErrors.fixIt(error);
    LOG.error(message);
    failed = true;
    firstOpen.countDown(); // startup need not wait for a stream that will never open
    failures.onFatalError(database, message);
  }

  private void retryLater(Throwable error) {
    Duration wait = backoff.next();
    LOG.warn(
        "change stream on '{}' failed ({}); attempt {} to resume from {} in {} ms",
        database,
        StreamErrors.describe(error),
        backoff.attempts(),
        ResumeTokens.describe(position()),
        wait.toMillis());
    schedule(wait);
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::subscribe, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: the scheduler is shut down, there is nothing to reopen.
    }
  }

  /** Cancels the stream; the cursor is killed by the driver. Idempotent, never blocks. */
  @Override
  public void close() {
    stopped = true;
    synchronized (lock) {
      if (current != null) {
        current.cancel();
      }
    }
    LOG.info("stopped watching database '{}'", database);
  }
}
