package io.roomcast.embedded.history;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;

/**
 * One committed change as retained in the history. Documents are private deep copies taken at
 * commit time and never mutated afterwards, so readers may share them without locking.
 *
 * @param sequence position in the history: 0 for the first change since startup, then +1 each
 * @param clusterTime the change's cluster time, strictly increasing with {@code sequence}
 * @param wallTime wall-clock time of the commit
 * @param kind what happened
 * @param database database name
 * @param collection collection name, null for {@link ChangeKind#DROP_DATABASE}
 * @param documentId the {@code _id} of the changed document, null for drops
 * @param postImage the document after the change (insert, update, replace), else null
 * @param before the document before the change (update, replace, delete), else null; used to read
 *     the data as it was before this change (snapshot reads)
 * @param preImageKept whether the collection had pre-images enabled at commit time, so that change
 *     streams may show {@code before} as {@code fullDocumentBeforeChange}
 * @param updateDescription {@code {updatedFields, removedFields, truncatedArrays}} for updates
 * @param approximateBytes the memory this entry is charged against the history byte bound
 */
public record ChangeEvent(
    long sequence,
    BsonTimestamp clusterTime,
    Instant wallTime,
    ChangeKind kind,
    String database,
    String collection,
    Object documentId,
    Document postImage,
    Document before,
    boolean preImageKept,
    Document updateDescription,
    long approximateBytes) {

  /** The pre-image change streams may show: {@code before} when pre-images were on, else null. */
  public Document preImage() {
    return preImageKept ? before : null;
  }
}
