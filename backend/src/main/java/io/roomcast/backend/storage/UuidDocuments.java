package io.roomcast.backend.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import io.roomcast.common.uuid.Uuids;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The documents of one collection, each addressed by its UUID stored as binary subtype 4 in the
 * UUID field. Every write is a single-document operation, so each produces one change event.
 */
public final class UuidDocuments {
  private final MongoCollection<BsonDocument> collection;
  private final String uuidField;

  public UuidDocuments(MongoCollection<BsonDocument> collection, String uuidField) {
    this.collection = collection;
    this.uuidField = uuidField;
  }

  /** The document without its {@code _id}, which this API never exposes. */
  public Optional<BsonDocument> find(UUID uuid) {
    return Optional.ofNullable(
        collection.find(byUuid(uuid)).projection(Projections.excludeId()).first());
  }

  /** Sets {@code field} to {@code value}, creating the document if needed; true if created. */
  public boolean setField(UUID uuid, String field, BsonValue value) {
    BsonDocument update = new BsonDocument("$set", new BsonDocument(field, value));
    return collection
            .updateOne(byUuid(uuid), update, new UpdateOptions().upsert(true))
            .getUpsertedId()
        != null;
  }

  /** Replaces the whole document by the UUID and {@code fields}; true if it was created. */
  public boolean replace(UUID uuid, BsonDocument fields) {
    BsonDocument document = byUuid(uuid);
    document.putAll(fields);
    return collection
            .replaceOne(byUuid(uuid), document, new ReplaceOptions().upsert(true))
            .getUpsertedId()
        != null;
  }

  /** Sets the given top-level fields of an existing document; false if there is none. */
  public boolean merge(UUID uuid, BsonDocument fields) {
    return collection.updateOne(byUuid(uuid), new BsonDocument("$set", fields)).getMatchedCount()
        > 0;
  }

  /** Deletes the document; false if there was none. */
  public boolean delete(UUID uuid) {
    return collection.deleteOne(byUuid(uuid)).getDeletedCount() > 0;
  }

  private BsonDocument byUuid(UUID uuid) {
    return new BsonDocument(uuidField, Uuids.toBinary(uuid));
  }
}
