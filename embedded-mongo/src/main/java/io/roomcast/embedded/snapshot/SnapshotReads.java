package io.roomcast.embedded.snapshot;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.capture.CollectionCut;
import io.roomcast.embedded.history.ChangeEvent;
import io.roomcast.embedded.history.ChangeHistory;
import io.roomcast.embedded.history.ChangeKind;
import io.roomcast.embedded.history.HistoryLostException;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code find} with {@code readConcern: {level: "snapshot"}} at one cluster time T, as a
 * replica set does for a snapshot session: every read of the session sees exactly the changes at or
 * before T, across collections, whatever was written since. It takes the collection's matching
 * documents now together with the history position of that moment ({@link CollectionCut}), then
 * rolls back, per document, the changes committed after T: a document changed since T reads as its
 * state before its first later change (absent if that change inserted it). Writers are never
 * blocked beyond the copy itself. T older than the retained history fails with SnapshotTooOld.
 */
public final class SnapshotReads {
  private static final int READ_BATCH = 10_000;

  private final CapturingBackend backend;
  private final ChangeHistory history;

  public SnapshotReads(CapturingBackend backend, ChangeHistory history) {
    this.backend = backend;
    this.history = history;
  }

  /** Whether this command is a snapshot read, which {@link #answer} must answer. */
  public static boolean isSnapshotRead(Document command) {
    return SnapshotFind.isSnapshotRead(command);
  }

  /** The reply: one batch with the documents at T, and T as {@code cursor.atClusterTime}. */
  public Document answer(String database, String name, Document command) {
    if (!"find".equals(name)) {
      throw new CommandFailure(
          20, "IllegalOperation", "the embedded database answers snapshot reads for find only");
    }
    SnapshotFind find = SnapshotFind.parse(database, command, history.latestTime());
    List<Document> documents = documentsAt(find);
    Document cursor =
        new Document("id", 0L)
            .append("ns", database + "." + find.collection())
            .append("firstBatch", documents)
            .append("atClusterTime", find.time());
    return new Document("cursor", cursor).append("ok", 1.0);
  }

  private List<Document> documentsAt(SnapshotFind find) {
    CollectionCut cut = backend.cut(find.database(), find.collection(), find.filter());
    Map<Object, Document> stateAtTime = changedSince(find, cut.nextSequence());
    List<Document> documents = new ArrayList<>();
    for (Document document : cut.documents()) {
      if (!stateAtTime.containsKey(document.get("_id"))) {
        documents.add(document);
      }
    }
    QueryMatcher matcher = new DefaultQueryMatcher(); // not thread-safe: one per read
    for (Document before : stateAtTime.values()) {
      if (before != null && matcher.matches(before, find.filter())) {
        documents.add(before.cloneDeeply());
      }
    }
    return find.limit() > 0 && documents.size() > find.limit()
        ? documents.subList(0, find.limit())
        : documents;
  }

  /**
   * For each document of the collection changed after T and before {@code upTo}: its state at T, or
   * null when it did not exist then.
   */
  private Map<Object, Document> changedSince(SnapshotFind find, long upTo) {
    Map<Object, Document> stateAtTime = new HashMap<>();
    try {
      long sequence = history.sequenceAt(new BsonTimestamp(find.time().getValue() + 1));
      while (sequence < upTo) {
        List<ChangeEvent> events = history.read(sequence, READ_BATCH);
        if (events.isEmpty()) {
          break;
        }
        for (ChangeEvent event : events) {
          if (event.sequence() < upTo && concerns(event, find)) {
            stateAtTime.putIfAbsent(
                event.documentId(), event.kind() == ChangeKind.INSERT ? null : event.before());
          }
        }
        sequence += events.size();
      }
    } catch (HistoryLostException e) {
      throw new CommandFailure(
          239, "SnapshotTooOld", "the snapshot's time is older than the retained change history");
    }
    return stateAtTime;
  }

  private static boolean concerns(ChangeEvent event, SnapshotFind find) {
    if (!event.database().equals(find.database())) {
      return false;
    }
    if (event.kind() == ChangeKind.DROP_DATABASE
        || (event.kind() == ChangeKind.DROP && find.collection().equals(event.collection()))) {
      throw new CommandFailure(
          246,
          "SnapshotUnavailable",
          "the collection was dropped after the snapshot's time; read at a later time");
    }
    return find.collection().equals(event.collection()) && event.documentId() != null;
  }
}
