package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.history.ChangeEvent;
import io.roomcast.embedded.history.ChangeHistory;
import io.roomcast.embedded.history.HistoryLostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open change stream: its spec and its position in the history. Each read continues from the
 * position by index, so its cost is the number of events it examines, never the history length. A
 * read examines at most {@link #MAX_EXAMINED_PER_READ} events, so that a selective {@code $match}
 * far behind the head cannot hold a thread for long; the post-batch resume token still advances
 * past what was examined.
 */
final class ChangeStreamCursor {
  static final int MAX_EXAMINED_PER_READ = 10_000;
  private static final int DEFAULT_BATCH_LIMIT = 10_000;
  private static final int CHUNK = 256;
  private static final long MAX_BATCH_BYTES = 8L * 1024 * 1024;

  private final long id;
  private final ChangeStreamSpec spec;
  private final ChangeHistory history;
  private final EventDocuments events;
  private long resumeAt;
  private long positionTime;
  private boolean closed;
  private volatile long lastUsedNanos = System.nanoTime();

  ChangeStreamCursor(
      long id,
      ChangeStreamSpec spec,
      ChangeHistory history,
      EventDocuments events,
      long resumeAt,
      long positionTime) {
    this.id = id;
    this.spec = spec;
    this.history = history;
    this.events = events;
    this.resumeAt = resumeAt;
    this.positionTime = positionTime;
  }

  /** A batch, possibly empty, answering up to {@code batchSize} events (0 means no limit). */
  synchronized Batch read(int batchSize) {
    lastUsedNanos = System.nanoTime();
    int limit = batchSize > 0 ? batchSize : DEFAULT_BATCH_LIMIT;
    List<Document> batch = new ArrayList<>();
    long bytes = 0;
    int examined = 0;
    while (!closed && batch.size() < limit && bytes < MAX_BATCH_BYTES) {
      List<ChangeEvent> chunk = readChunk(Math.min(CHUNK, MAX_EXAMINED_PER_READ - examined));
      if (chunk.isEmpty()) {
        break;
      }
      for (ChangeEvent event : chunk) {
        examined++;
        resumeAt = event.sequence() + 1;
        positionTime = event.clusterTime().getValue();
        if (spec.scope().matches(event)) {
          bytes += add(batch, events.render(event, spec), event);
          if (spec.scope().isInvalidatedBy(event)) {
            add(batch, events.invalidate(event), event);
            closed = true;
          }
        }
        if (closed || batch.size() >= limit || bytes >= MAX_BATCH_BYTES) {
          break;
        }
      }
    }
    ResumeToken postBatch = new ResumeToken(events.instance(), resumeAt, positionTime, closed);
    return new Batch(batch, postBatch.toDocument(), closed);
  }

  long id() {
    return id;
  }

  String namespace() {
    return spec.scope().cursorNamespace();
  }

  /** Whether events may be waiting past the position, so a waiting read should try again. */
  boolean mayHaveMore() {
    return history.nextSequence() > resumeAt;
  }

  long idleNanos() {
    return System.nanoTime() - lastUsedNanos;
  }

  private List<ChangeEvent> readChunk(int max) {
    if (max <= 0) {
      return List.of();
    }
    try {
      return history.read(resumeAt, max);
    } catch (HistoryLostException e) {
      throw CommandFailure.historyLost(e.getMessage());
    }
  }

  private long add(List<Document> batch, Document rendered, ChangeEvent event) {
    Document output = spec.pipeline().apply(rendered);
    if (output == null) {
      return 0;
    }
    batch.add(output);
    return event.approximateBytes();
  }

  /** One reply's worth of events. */
  record Batch(List<Document> documents, Document postBatchResumeToken, boolean closed) {}
}
