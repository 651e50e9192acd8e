package io.roomcast.embedded.history;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;

/**
 * A change about to be appended: everything but the position and times, which the history assigns
 * at append so that they follow commit order.
 */
public record ChangeDraft(
    ChangeKind kind,
    String database,
    String collection,
    Object documentId,
    Document postImage,
    Document preImage,
    Document updateDescription) {

  /** A collection or database drop. */
  public static ChangeDraft drop(ChangeKind kind, String database, String collection) {
    return new ChangeDraft(kind, database, collection, null, null, null, null);
  }

  ChangeEvent toEvent(long sequence, BsonTimestamp time) {
    long bytes =
        ApproximateSize.ENTRY_OVERHEAD
            + ApproximateSize.of(postImage)
            + ApproximateSize.of(preImage)
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
        preImage,
        updateDescription,
        bytes);
  }
}
