package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.roomcast.embedded.history.ChangeHistory;
import io.roomcast.embedded.history.HistoryLostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Answers the change-stream commands from the history: {@code aggregate} with {@code
 * $changeStream}, and {@code getMore} / {@code killCursors} on the cursors it opened. A getMore
 * with nothing to return waits without holding a thread (see {@link PendingGetMore}).
 */
public final class ChangeStreams {
  /** How long a getMore waits for events when the client gives no {@code maxTimeMS}, as mongod. */
  static final long DEFAULT_AWAIT_MILLIS = 1000;

  private final ChangeHistory history;
  private final EventDocuments events;
  private final Map<Long, ChangeStreamCursor> cursors = new ConcurrentHashMap<>();

  public ChangeStreams(ChangeHistory history, CurrentDocuments currentDocuments) {
    this.history = history;
    this.events = new EventDocuments(ThreadLocalRandom.current().nextInt(), currentDocuments);
  }

  /** Whether this {@code aggregate} command opens a change stream. */
  public static boolean opensChangeStream(Document command) {
    return command.get("pipeline") instanceof List<?> stages
        && !stages.isEmpty()
        && stages.get(0) instanceof Document first
        && first.get("$changeStream") instanceof Document;
  }

  /** Opens a change stream and answers its first batch, without waiting for events. */
  public Document open(String database, Document command) {
    List<Document> pipeline;
    try {
      pipeline = Aggregation.parse(command.get("pipeline"));
    } catch (MongoServerException e) {
      throw CommandFailure.badValue(e.getMessage());
    }
    ChangeStreamSpec spec = ChangeStreamSpec.parse(database, command, pipeline);
    long start = startPosition(spec);
    long id = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
    ChangeStreamCursor cursor =
        new ChangeStreamCursor(id, spec, history, events, start, history.latestTime().getValue());
    cursors.put(id, cursor);
    return reply(cursor, cursor.read(batchSize(command.get("cursor"))), "firstBatch");
  }

  /** Whether the cursor with this id is an open change stream of ours. */
  public boolean owns(Object cursorId) {
    return cursorId instanceof Number id && cursors.containsKey(id.longValue());
  }

  /**
   * Answers a getMore through {@code reply}: at once when events are there, else as soon as one is
   * appended, else with an empty batch after the await time.
   *
   * @param executor the thread that serves the client's connection; all work runs on it
   */
  public void getMore(
      Document command, ScheduledExecutorService executor, Consumer<Document> reply) {
    ChangeStreamCursor cursor = cursors.get(((Number) command.get("getMore")).longValue());
    if (cursor == null) {
      reply.accept(cursorNotFound(command.get("getMore")));
      return;
    }
    long await = DEFAULT_AWAIT_MILLIS;
    if (command.get("maxTimeMS") instanceof Number maxTime && maxTime.longValue() > 0) {
      await = maxTime.longValue();
    }
    new PendingGetMore(this, cursor, batchSize(command), await, executor, reply).start();
  }

  /** Closes those of the cursors that are ours and returns their ids. */
  public List<Long> kill(List<?> cursorIds) {
    List<Long> killed = new ArrayList<>();
    for (Object cursorId : cursorIds) {
      if (cursorId instanceof Number id && cursors.remove(id.longValue()) != null) {
        killed.add(id.longValue());
      }
    }
    return killed;
  }

  /** Closes cursors no client used for this long (clients that vanished); returns how many. */
  public int closeIdle(long maxIdleNanos) {
    int before = cursors.size();
    cursors.values().removeIf(cursor -> cursor.idleNanos() > maxIdleNanos);
    return before - cursors.size();
  }

  ChangeHistory history() {
    return history;
  }

  boolean isOpen(ChangeStreamCursor cursor) {
    return cursors.get(cursor.id()) == cursor;
  }

  void forget(ChangeStreamCursor cursor) {
    cursors.remove(cursor.id());
  }

  Document reply(ChangeStreamCursor cursor, ChangeStreamCursor.Batch batch, String batchField) {
    if (batch.closed()) {
      forget(cursor);
    }
    Document body =
        new Document(batchField, batch.documents())
            .append("postBatchResumeToken", batch.postBatchResumeToken())
            .append("id", batch.closed() ? 0L : cursor.id())
            .append("ns", cursor.namespace());
    return new Document("cursor", body).append("ok", 1.0);
  }

  static Document cursorNotFound(Object cursorId) {
    return new CommandFailure(43, "CursorNotFound", "cursor id " + cursorId + " not found")
        .toReply();
  }

  private long startPosition(ChangeStreamSpec spec) {
    ResumeToken token = spec.resumeAfter() != null ? spec.resumeAfter() : spec.startAfter();
    try {
      if (token != null) {
        return tokenPosition(token, spec.resumeAfter() != null);
      }
      if (spec.startAtOperationTime() != null) {
        return history.sequenceAt(spec.startAtOperationTime());
      }
      return history.nextSequence();
    } catch (HistoryLostException e) {
      throw CommandFailure.historyLost(e.getMessage());
    }
  }

  private long tokenPosition(ResumeToken token, boolean resumeAfter) throws HistoryLostException {
    if (resumeAfter && token.invalidate()) {
      throw CommandFailure.invalidResumeToken(
          "Attempting to resume a change stream using 'resumeAfter' is not allowed from an"
              + " invalidate notification; use 'startAfter'");
    }
    if (token.instance() != events.instance()) {
      throw new HistoryLostException(
          "the resume token was issued by an earlier run of the embedded database, whose"
              + " in-memory change history is gone");
    }
    if (token.resumeAt() > history.nextSequence()) {
      throw CommandFailure.invalidResumeToken("resume token points past the latest change");
    }
    history.read(token.resumeAt(), 0);
    return token.resumeAt();
  }

  private static int batchSize(Object holder) {
    if (holder instanceof Document document
        && document.get("batchSize") instanceof Number size
        && size.intValue() > 0) {
      return size.intValue();
    }
    return 0;
  }
}
