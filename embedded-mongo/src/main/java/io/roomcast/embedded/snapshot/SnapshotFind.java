package io.roomcast.embedded.snapshot;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.Set;

/**
 * A {@code find} with {@code readConcern: {level: "snapshot"}}, checked: the collection, the
 * filter, the limit and the cluster time to read at ({@code atClusterTime}, or the latest when the
 * session's first read gives none). Options that would change the answer and that this database
 * does not apply at a point in time (sort, projection, skip, ...) are refused rather than ignored.
 */
record SnapshotFind(
    String database, String collection, Document filter, int limit, BsonTimestamp time) {

  /** Fields a snapshot find may carry besides those it uses; the driver adds them. */
  private static final Set<String> IGNORED =
      Set.of("batchSize", "singleBatch", "maxTimeMS", "readConcern", "lsid", "comment");

  static SnapshotFind parse(String database, Document command, BsonTimestamp latest) {
    if (!(command.get("find") instanceof String collection)) {
      throw CommandFailure.badValue("find expects a collection name");
    }
    for (String field : command.keySet()) {
      if (!field.equals("find")
          && !field.equals("filter")
          && !field.equals("limit")
          && !field.startsWith("$")
          && !IGNORED.contains(field)) {
        throw new CommandFailure(
            20,
            "IllegalOperation",
            "the embedded database answers snapshot reads with filter and limit only, not "
                + field);
      }
    }
    Object filter = command.get("filter");
    if (filter != null && !(filter instanceof Document)) {
      throw CommandFailure.badValue("find's filter must be a document");
    }
    Object limit = command.get("limit");
    if (limit != null && !(limit instanceof Number)) {
      throw CommandFailure.badValue("find's limit must be a number");
    }
    return new SnapshotFind(
        database,
        collection,
        filter == null ? new Document() : (Document) filter,
        limit == null ? 0 : Math.abs(((Number) limit).intValue()),
        time(command, latest));
  }

  /** Whether the command asks for a snapshot read. */
  static boolean isSnapshotRead(Document command) {
    return command.get("readConcern") instanceof Document readConcern
        && "snapshot".equals(readConcern.get("level"));
  }

  private static BsonTimestamp time(Document command, BsonTimestamp latest) {
    Object given = ((Document) command.get("readConcern")).get("atClusterTime");
    if (given == null) {
      return latest;
    }
    if (!(given instanceof BsonTimestamp time)) {
      throw CommandFailure.badValue("atClusterTime must be a timestamp");
    }
    if (time.compareTo(latest) > 0) {
      throw CommandFailure.badValue(
          "atClusterTime " + time + " is after the latest cluster time " + latest);
    }
    return time;
  }
}
