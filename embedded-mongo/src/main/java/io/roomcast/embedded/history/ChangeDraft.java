package io.roomcast.embedded.history;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;

/**
 * A change about to be appended: everything but the position and times, which the history assigns
 * at append so that they follow commit order. {@code before} is kept for every update, replace and
 * delete (snapshot reads roll changes back with it); {@code preImageKept} says whether change
 * streams may show it as {@code fullDocumentBeforeChange}.
 */
public record ChangeDraft(
    ChangeKind kind,
    String database,
    String collection,
    Object documentId,
    Document postImage,
    Document before,
    boolean preImageKept,
    Document updateDescription) {

  /** A collection or database drop. */
  public static ChangeDraft drop(ChangeKind kind, String database, String collection) {
    return new ChangeDraft(kind, database, collection, null, null, null, false, null);
  }

  ChangeEvent toEvent(long sequence, BsonTimestamp time) {
    long bytes =
        ApproximateSize.ENTRY_OVERHEAD
            + ApproximateSize.of(postImage)
            + ApproximateSize.of(before)
            + ApproximateSize.of(updateDescription);
    return new ChangeEvent(
        sequence,
        time,
        Instant.now(),
        kind,
        database,
        collection,
        documentId,
        postImage,
        before,
        preImageKept,
        updateDescription,
        bytes);
  }
}
