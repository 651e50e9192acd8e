package io.roomcast.socket.stream;

import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.reactivestreams.client.ChangeStreamPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change stream on one whole database, owned by one thread: its {@link StreamPosition}, its
 * subscription, its demand, its restarts ({@link StreamRestarts}) and its commands in flight are
 * touched only there. The driver's callbacks ({@link BoundedSubscriber}, {@link CursorReplies})
 * only send it messages. Demand is bounded ({@link StreamDemand}): events requested and events the
 * listener has not handled yet stay within {@link #BATCH_SIZE}, so a slow listener slows the
 * reading instead of filling memory. Others read the published {@link #stats()}.
 */
public final class ChangeStreamWatcher implements BoundedSubscriber.Owner {
  /** Events requested ahead: enough to amortize round trips, few enough to stay responsive. */
  public static final int BATCH_SIZE = 256;

  /** How long an idle getMore waits on the server before the position moves on. */
  public static final Duration MAX_AWAIT = Duration.ofMillis(500);

  /** No stream command for this long after the last one ended: the driver has nothing to send. */
  static final Duration QUIET = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatcher.class);

  private final MongoClient client;
  private final String database;
  private final ChangeListener listener;
  private final ScheduledExecutorService owner;
  private final StreamRestarts restarts;
  private final CompletableFuture<Void> firstOpen = new CompletableFuture<>();
  // Owner thread only:
  private final StreamPosition position = new StreamPosition();
  private final CommandsInFlight commands = new CommandsInFlight();
  private final StreamDemand demand = new StreamDemand(BATCH_SIZE, () -> send(this::topUp));
  private BoundedSubscriber current;
  private int subscriptions;
  private boolean stopped;
  // Written by the owner thread only, read by anyone.
  private volatile StreamStats stats;

  ChangeStreamWatcher(
      MongoClient client,
      String database,
      ChangeListener listener,
      StreamFailureListener failures,
      StreamRestartListener restartListener,
      ScheduledExecutorService owner) {
    this.client = client;
    this.database = database;
    this.listener = listener;
    this.owner = owner;
    this.restarts =
        new StreamRestarts(database, position, failures, restartListener, this::reopenIn);
    this.stats = new StreamStats(database, 0, 0, null, StreamState.CONNECTING, null);
  }

  String database() {
    return database;
  }

  void start() {
    send(this::subscribe);
  }

  /** Completes when the stream is open for the first time (or has stopped for good). */
  CompletableFuture<Void> firstOpen() {
    return firstOpen;
  }

  private void subscribe() {
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
    if (position.token != null) {
      changes =
          position.startAfter
              ? changes.startAfter(position.token)
              : changes.resumeAfter(position.token);
    }
    position.cursorId = StreamPosition.NO_CURSOR; // no reply is the new cursor's until it opens
    current = new BoundedSubscriber(this);
    demand.subscribed();
    subscriptions++;
    publish();
    changes.withDocumentClass(BsonDocument.class).subscribe(current);
  }

  // Messages from the driver's threads.

  @Override
  public void onSubscribed(BoundedSubscriber subscriber) {
    send(
        () -> {
          if (subscriber != current || stopped) {
            subscriber.cancel();
          } else {
            topUp();
          }
        });
  }

  @Override
  public void onEvent(BoundedSubscriber subscriber, BsonDocument event) {
    send(() -> handle(subscriber, event));
  }

  @Override
  public void onEnd(BoundedSubscriber subscriber, Throwable error) {
    send(
        () -> {
          if (subscriber == current && !stopped) {
            position.cursorId = StreamPosition.NO_CURSOR;
            restarts.ended(error);
            publish();
          }
        });
  }

  /** The server opened a cursor for this stream; {@code idle} is its start when it had no event. */
  void cursorOpened(long id, BsonDocument idle) {
    send(
        () -> {
          boolean fromNow = position.token == null;
          position.cursorId = id;
          restarts.opened();
          LOG.info(
              "watching database '{}' from {}", database, ResumeTokens.describe(position.token));
          if (fromNow) {
            listener.onOpenedFromNow(database, idle);
          }
          if (idle != null) {
            idlePosition(id, idle);
          }
          publish();
          firstOpen.complete(null);
        });
  }

  /** An empty batch: every earlier event was handed on, so the server's token is safe to resume. */
  void idle(long id, BsonDocument postBatchToken) {
    send(() -> idlePosition(id, postBatchToken));
  }

  /** Counted where the driver reports it: a message per command would wake the owner twice. */
  void commandStarted() {
    commands.started();
  }

  void commandEnded() {
    commands.ended();
  }

  // Owner thread.

  private void idlePosition(long id, BsonDocument token) {
    if (position.idleAt(id, token)) {
      listener.onIdlePosition(database, token);
      publish();
    }
  }

  private void handle(BoundedSubscriber subscriber, BsonDocument event) {
    if (subscriber != current || stopped) {
      return;
    }
    demand.received();
    boolean invalidated = "invalidate".equals(OperationType.of(event));
    demand.passedOn();
    try {
      listener.onChange(database, event, demand::handled);
    } catch (RuntimeException e) {
      // A bug in handling one event must not stop the stream for every other client.
      LOG.error(
          "a change in '{}' could not be emitted ({}); continuing",
          database,
          StreamErrors.describe(e),
          e);
      demand.handled(); // the listener failed before passing it on: nobody else will
    }
    position.passed(event, invalidated);
    if (invalidated) {
      subscriber.cancel();
      // Ended here: its completion, which the driver may already have queued behind this event,
      // must not count as a second end and open a second new stream.
      current = null;
      position.cursorId = StreamPosition.NO_CURSOR;
      restarts.invalidated();
    }
    topUp();
    publish();
  }

  /** Requests what the bound allows from the current subscription, if any. */
  private void topUp() {
    if (current == null || stopped) {
      return;
    }
    long events = demand.toRequest();
    if (events > 0) {
      current.request(events);
    }
  }

  private void reopenIn(Duration delay) {
    try {
      owner.schedule(this::subscribe, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: there is nothing to reopen.
    }
  }

  private void publish() {
    StreamState state =
        stopped || restarts.failed()
            ? StreamState.STOPPED
            : position.cursorId != StreamPosition.NO_CURSOR
                ? StreamState.OPEN
                : StreamState.CONNECTING;
    stats =
        new StreamStats(
            database,
            Math.max(0, subscriptions - 1),
            demand.largest(),
            position.token,
            state,
            position.caughtUpTo);
    if (restarts.failed()) {
      firstOpen.complete(null); // startup need not wait for a stream that will never open
    }
  }

  private void send(Runnable message) {
    try {
      owner.execute(message);
    } catch (RejectedExecutionException e) {
      // Closed: the driver's late signals have nobody to go to.
    }
  }

  /** What this stream has done so far. */
  StreamStats stats() {
    return stats;
  }

  /** Where the stream would resume now; null means "from now". */
  BsonDocument position() {
    return stats.position();
  }

  /**
   * Cancels the stream (the driver kills the cursor); the future completes once the stream's
   * commands have been quiet, after which the client may be closed. Never blocks.
   */
  CompletableFuture<Void> close() {
    CompletableFuture<Void> quiet = new CompletableFuture<>();
    send(
        () -> {
          stopped = true;
          if (current != null) {
            current.cancel();
          }
          publish();
          LOG.info("stopped watching database '{}'", database);
          commands.closing(owner, QUIET).whenComplete((done, error) -> quiet.complete(null));
        });
    return quiet;
  }
}
