package io.roomcast.socket.stream;

import com.mongodb.MongoException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one stream does when its cursor ends: resume from its position after a capped backoff, start
 * again from now when the server no longer has that history, or stop and say what to fix. Part of
 * the stream's owner: its methods run on the owner thread only, so the {@link Backoff} and the
 * position are never shared.
 */
final class StreamRestarts {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRestarts.class);

  private final String database;
  private final StreamPosition position;
  private final StreamFailureListener failures;
  private final StreamRestartListener restarts;
  private final Consumer<Duration> reopenIn;
  private final Backoff backoff = new Backoff();
  private boolean failed;

  StreamRestarts(
      String database,
      StreamPosition position,
      StreamFailureListener failures,
      StreamRestartListener restarts,
      Consumer<Duration> reopenIn) {
    this.database = database;
    this.position = position;
    this.failures = failures;
    this.restarts = restarts;
    this.reopenIn = reopenIn;
  }

  /** A cursor opened: the next failure waits the initial delay again. */
  void opened() {
    backoff.reset();
  }

  /** Whether the stream stopped for good. */
  boolean failed() {
    return failed;
  }

  /** The database was dropped: only startAfter the invalidate may open a new stream. */
  void invalidated() {
    LOG.info("change stream on '{}' invalidated (database dropped); reopening", database);
    restarts.onRestart(database, "invalidate");
    reopenIn.accept(Duration.ZERO);
  }

  /** The stream failed ({@code error}) or completed (null). */
  void ended(Throwable error) {
    if (error == null) {
      restarts.onRestart(database, "completed");
      reopenIn.accept(Duration.ZERO);
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
        ResumeTokens.describe(position.token),
        error.getCode());
    position.forget();
    reopenIn.accept(Duration.ZERO);
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
    failures.onFatalError(database, message);
  }

  private void retryLater(Throwable error) {
    Duration wait = backoff.next();
    LOG.warn(
        "change stream on '{}' failed ({}); attempt {} to resume from {} in {} ms",
        database,
        StreamErrors.describe(error),
        backoff.attempts(),
        ResumeTokens.describe(position.token),
        wait.toMillis());
    reopenIn.accept(wait);
  }
}
