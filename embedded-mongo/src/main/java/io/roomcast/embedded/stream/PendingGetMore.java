package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.history.AppendListener;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A getMore waiting for events. Nothing blocks: the getMore registers for append notifications and
 * schedules its await timeout on the connection's own event loop; each append queues one read
 * attempt there (coalesced), and the first attempt that finds an event for this stream answers. So
 * a committed change reaches a waiting stream at once, not after a poll interval. All state but the
 * coalescing flag is touched only on that event loop.
 */
final class PendingGetMore implements AppendListener {
  private final ChangeStreams streams;
  private final ChangeStreamCursor cursor;
  private final int batchSize;
  private final long awaitMillis;
  private final ScheduledExecutorService executor;
  private final Consumer<Document> reply;
  private final AtomicBoolean attemptQueued = new AtomicBoolean();
  private boolean done;
  private ScheduledFuture<?> timeout;

  PendingGetMore(
      ChangeStreams streams,
      ChangeStreamCursor cursor,
      int batchSize,
      long awaitMillis,
      ScheduledExecutorService executor,
      Consumer<Document> reply) {
    this.streams = streams;
    this.cursor = cursor;
    this.batchSize = batchSize;
    this.awaitMillis = awaitMillis;
    this.executor = executor;
    this.reply = reply;
  }

  /** Answers at once if it can, else starts waiting. Call on the executor's thread. */
  void start() {
    if (attempt(false)) {
      return;
    }
    streams.history().addListener(this);
    timeout = executor.schedule(() -> attempt(true), awaitMillis, TimeUnit.MILLISECONDS);
    // An append between the first attempt and registering would otherwise go unnoticed.
    if (cursor.mayHaveMore()) {
      changeAppended();
    }
  }

  @Override
  public void changeAppended() {
    if (attemptQueued.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              attemptQueued.set(false);
              attempt(false);
            });
      } catch (RejectedExecutionException e) {
        // the server is shutting down; the connection goes with it
        streams.history().removeListener(this);
      }
    }
  }

  /** Reads once; answers when there are events, the stream ended, or this is the last try. */
  private boolean attempt(boolean last) {
    if (done) {
      return true;
    }
    if (!streams.isOpen(cursor)) {
      complete(
          new CommandFailure(237, "CursorKilled", "cursor id " + cursor.id() + " was killed")
              .toReply());
      return true;
    }
    try {
      ChangeStreamCursor.Batch batch = cursor.read(batchSize);
      if (!batch.documents().isEmpty() || batch.closed() || last) {
        complete(streams.reply(cursor, batch, "nextBatch"));
        return true;
      }
      return false;
    } catch (CommandFailure failure) {
      streams.forget(cursor);
      complete(failure.toReply());
      return true;
    }
  }

  private void complete(Document answer) {
    done = true;
    streams.history().removeListener(this);
    if (timeout != null) {
      timeout.cancel(false);
    }
    reply.accept(answer);
  }
}
