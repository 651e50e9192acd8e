package io.roomcast.socket.emit;

import io.roomcast.common.uuid.Uuids;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Finds the UUID a change event belongs to: in the document after the change, else in the document
 * before it (deletes, and updates of documents deleted since), else in the document key (sharded
 * collections whose shard key holds it). Binary subtype 4 and canonical strings count as UUIDs.
 */
public final class ChangeRouter {
  private final String uuidField;

  public ChangeRouter(String uuidField) {
    this.uuidField = uuidField;
  }

  public Optional<UUID> uuidOf(BsonDocument event) {
    Optional<UUID> uuid = fromDocument(event.get("fullDocument"));
    if (uuid.isEmpty()) {
      uuid = fromDocument(event.get("fullDocumentBeforeChange"));
    }
    if (uuid.isEmpty()) {
      uuid = fromDocument(event.get("documentKey"));
    }
    return uuid;
  }

  /** The database the change happened in; empty when the event names none. */
  public static String databaseOf(BsonDocument event) {
    BsonValue ns = event.get("ns");
    BsonValue db = ns != null && ns.isDocument() ? ns.asDocument().get("db") : null;
    return db != null && db.isString() ? db.asString().getValue() : "";
  }

  /** The collection the change happened in; null for database-level events such as dropDatabase. */
  public static String collectionOf(BsonDocument event) {
    BsonValue ns = event.get("ns");
    if (ns == null || !ns.isDocument()) {
      return null;
    }
    BsonValue coll = ns.asDocument().get("coll");
    return coll != null && coll.isString() ? coll.asString().getValue() : null;
  }

  private Optional<UUID> fromDocument(BsonValue document) {
    if (document == null || !document.isDocument()) {
      return Optional.empty();
    }
    return Uuids.fromBson(document.asDocument().get(uuidField));
  }
}
