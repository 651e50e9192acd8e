package io.roomcast.backend.storage;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the collections the backend writes: each exists with change-stream pre-images enabled
 * (so delete and update events can carry the document as it was) and has a unique index on the UUID
 * field. A server that refuses pre-images (before MongoDB 6.0) is reported once and otherwise
 * tolerated: events then simply lack the pre-image.
 */
public final class CollectionSetup {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionSetup.class);
  private static final String PRE_IMAGES = "changeStreamPreAndPostImages";

  private final MongoClient client;
  private final String uuidField;
  private boolean preImagesRefusalReported;

  public CollectionSetup(MongoClient client, String uuidField) {
    this.client = client;
    this.uuidField = uuidField;
  }

  /** Prepares each namespace; logs each change it makes, and nothing for what was already so. */
  public void prepare(Collection<Namespace> namespaces) {
    for (Namespace namespace : namespaces) {
      MongoDatabase database = client.getDatabase(namespace.database());
      BsonDocument existing = collectionInfo(database, namespace.collection());
      if (existing == null) {
        create(database, namespace);
      } else if (!preImagesEnabled(existing)) {
        enablePreImages(database, namespace);
      }
      ensureUniqueIndex(database, namespace);
    }
  }

  private static BsonDocument collectionInfo(MongoDatabase database, String collection) {
    return database
        .listCollections(BsonDocument.class)
        .filter(new BsonDocument("name", new BsonString(collection)))
        .first();
  }

  private static boolean preImagesEnabled(BsonDocument info) {
    BsonDocument options = info.getDocument("options", new BsonDocument());
    return options
        .getDocument(PRE_IMAGES, new BsonDocument())
        .getBoolean("enabled", BsonBoolean.FALSE)
        .getValue();
  }

  private void create(MongoDatabase database, Namespace namespace) {
    try {
      database.runCommand(
          new BsonDocument("create", new BsonString(namespace.collection()))
              .append(PRE_IMAGES, enabled()));
      LOG.info("Created collection {} with change-stream pre-images", namespace);
    } catch (MongoCommandException e) {
      reportPreImagesRefused(namespace, e);
      database.createCollection(namespace.collection());
      LOG.info("Created collection {}", namespace);
    }
  }

  private void enablePreImages(MongoDatabase database, Namespace namespace) {
    try {
      database.runCommand(
          new BsonDocument("collMod", new BsonString(namespace.collection()))
              .append(PRE_IMAGES, enabled()));
      LOG.info("Enabled change-stream pre-images on {}", namespace);
    } catch (MongoCommandException e) {
      reportPreImagesRefused(namespace, e);
    }
  }

  private void ensureUniqueIndex(MongoDatabase database, Namespace namespace) {
    var collection = database.getCollection(namespace.collection());
    for (Document index : collection.listIndexes().into(new ArrayList<>())) {
      Document key = index.get("key", Document.class);
      if (key != null && key.size() == 1 && key.containsKey(uuidField)) {
        if (!Boolean.TRUE.equals(index.getBoolean("unique"))) {
          LOG.warn("The index on {} of {} is not unique; UUIDs may repeat", uuidField, namespace);
        }
        return;
      }
    }
    try {
      collection.createIndex(Indexes.ascending(uuidField), new IndexOptions().unique(true));
      LOG.info("Created unique index on {} of {}", uuidField, namespace);
    } catch (MongoCommandException e) {
      LOG.warn(
          "Could not create a unique index on {} of {} (server said: {}); "
              + "two documents may end up with the same UUID",
          uuidField,
          namespace,
          e.getErrorMessage());
    }
  }

  private void reportPreImagesRefused(Namespace namespace, MongoCommandException e) {
    if (!preImagesRefusalReported) {
      preImagesRefusalReported = true;
      LOG.warn(
          "The database does not support change-stream pre-images ({} said: {}); "
              + "continuing without them",
          namespace,
          e.getErrorMessage());
    }
  }

  private static BsonDocument enabled() {
    return new BsonDocument("enabled", BsonBoolean.TRUE);
  }
}
