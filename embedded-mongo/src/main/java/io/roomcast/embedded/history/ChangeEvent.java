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
 * @param preImage the document before the change (update, replace, delete) when the collection had
 *     pre-images enabled at commit time, else null
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
    Document preImage,
    Document updateDescription,
    long approximateBytes) {}
