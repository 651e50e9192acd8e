package io.roomcast.socket.stream;

import com.mongodb.MongoException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change stream on one whole database, read on its own thread. The thread pulls a batch, hands
 * each event to the listener, and only then asks for the next batch, so a slow listener slows the
 * reading instead of filling memory. After every event, and after every empty batch, it keeps the
 * cursor's resume token (the server's postBatchResumeToken when idle), so that it can resume from
 * exactly where it was after any error.
 */
public final class ChangeStreamWatcher implements AutoCloseable {
  /** Events per batch: large enough to amortize round trips, small enough to stay responsive. */
  public static final int BATCH_SIZE = 256;

  /** How long an idle getMore waits on the server; bounds how long close() waits for the thread. */
  public static final Duration MAX_AWAIT = Duration.ofMillis(500);

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatcher.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

  private final MongoClient client;
  private final String database;
  private final ChangeListener listener;
  private final StreamFailureListener failures;
  private final Thread thread;
  private final Backoff backoff = new Backoff();
  private final CountDownLatch firstOpen = new CountDownLatch(1);
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile boolean stopped;
  private BsonDocument token;
  private boolean startAfter;

  public ChangeStreamWatcher(
      MongoClient client,
      String database,
      ChangeListener listener,
      StreamFailureListener failures) {
    this.client = client;
    this.database = database;
    this.listener = listener;
    this.failures = failures;
    this.thread = new Thread(this::run, "change-stream-" + database);
  }

  public void start() {
    thread.start();
  }

  /**
   * Waits until the stream is open for the first time (or has stopped for good); false if neither
   * happened within the timeout.
   */
  public boolean awaitOpen(Duration timeout) throws InterruptedException {
    return firstOpen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    while (!stopped) {
      try (MongoChangeStreamCursor<BsonDocument> cursor = open()) {
        LOG.info("watching database '{}' from {}", database, ResumeTokens.describe(token));
        firstOpen.countDown();
        backoff.reset();
        read(cursor);
      } catch (MongoException e) {
        if (stopped || !handle(e)) {
          break;
        }
      } catch (RuntimeException e) {
        if (stopped) {
          break; // closing the client under a running operation fails it in various ways
        }
        retryLater(e); // a driver state error: reopening is the cure
      }
    }
    LOG.info("stopped watching database '{}'", database);
  }

  private MongoChangeStreamCursor<BsonDocument> open() {
    ChangeStreamIterable<BsonDocument> changes =
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
    MongoCursor<BsonDocument> cursor = changes.withDocumentClass(BsonDocument.class).cursor();
    // The sync driver returns its change stream cursor here too; only its type is widened.
    return (MongoChangeStreamCursor<BsonDocument>) cursor;
  }

  private void read(MongoChangeStreamCursor<BsonDocument> cursor) {
    while (!stopped) {
      BsonDocument event = cursor.tryNext();
      if (event != null) {
        deliver(event);
        if ("invalidate".equals(operationType(event))) {
          // The database was dropped: the stream ends; a new one starts after this event.
          token = event.getDocument("_id");
          startAfter = true;
          LOG.info("change stream on '{}' invalidated (database dropped); reopening", database);
          return;
        }
      }
      BsonDocument position = cursor.getResumeToken();
      if (position != null) {
        token = position;
        startAfter = false;
      }
    }
  }

  private void deliver(BsonDocument event) {
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
  }

  /** Reacts to a stream error; false when the stream must stop. */
  private boolean handle(MongoException error) {
    switch (StreamErrors.classify(error)) {
      case RESTART_FROM_NOW:
        LOG.warn(
            "change stream on '{}' cannot resume from {}: the server no longer has that history "
                + "(code {}); restarting from now, so changes in between are not delivered. "
                + "A larger oplog (replSetResizeOplog) keeps more history.",
            database,
            ResumeTokens.describe(token),
            error.getCode());
        token = null;
        startAfter = false;
        return true;
      case STOP:
        String message =
            "change stream on '"
                + database
                + "' stopped: "
                + StreamErrors.describe(error)
                + "; fix: "
                + StreamErrors.fixIt(error);
        LOG.error(message);
        firstOpen.countDown(); // startup need not wait for a stream that will never open
        failures.onFatalError(database, message);
        return false;
      default:
        retryLater(error);
        return true;
    }
  }

  private void retryLater(RuntimeException error) {
    Duration wait = backoff.next();
    LOG.warn(
        "change stream on '{}' failed ({}); attempt {} to resume from {} in {} ms",
        database,
        StreamErrors.describe(error),
        backoff.attempts(),
        ResumeTokens.describe(token),
        wait.toMillis());
    try {
      if (stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        stopped = true;
      }
    } catch (InterruptedException e) {
      stopped = true;
      Thread.currentThread().interrupt();
    }
  }

  private static String operationType(BsonDocument event) {
    BsonValue type = event.get("operationType");
    return type != null && type.isString() ? type.asString().getValue() : "";
  }

  /** Stops reading and waits for the thread to end. Idempotent. */
  @Override
  public void close() {
    stopped = true;
    stopSignal.countDown();
    if (thread.isAlive() && thread != Thread.currentThread()) {
      thread.interrupt();
      try {
        thread.join(JOIN_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        LOG.warn("change stream thread of '{}' did not stop within {}", database, JOIN_TIMEOUT);
      }
    }
  }
}
