package io.roomcast.socket.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.CreateCollectionOptions;
import io.roomcast.common.uuid.Uuids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;

/** Writes documents with the real MongoDB driver, as any application would. */
public final class MongoWriter implements AutoCloseable {
  private final MongoClient client;

  public MongoWriter(String uri) {
    this.client = MongoClients.create(uri);
  }

  public MongoCollection<BsonDocument> collection(String database, String collection) {
    return client.getDatabase(database).getCollection(collection, BsonDocument.class);
  }

  /**
   * Creates a collection that keeps pre-images, as MongoDB needs for deletes to carry the deleted
   * document (and so its UUID) in {@code fullDocumentBeforeChange}.
   */
  public MongoCollection<BsonDocument> collectionWithPreImages(String database, String collection) {
    client
        .getDatabase(database)
        .createCollection(
            collection,
            new CreateCollectionOptions()
                .changeStreamPreAndPostImagesOptions(
                    new ChangeStreamPreAndPostImagesOptions(true)));
    return collection(database, collection);
  }

  /** A document holding the UUID as binary subtype 4 in field {@code uuid}, plus the given JSON. */
  public static BsonDocument document(UUID uuid, String json) {
    BsonDocument document = new BsonDocument("uuid", Uuids.toBinary(uuid));
    document.putAll(BsonDocument.parse(json));
    return document;
  }

  /** {@code count} documents of the UUID, each with a {@code filler} string of {@code chars}. */
  public static List<BsonDocument> filledDocuments(UUID uuid, int count, int chars) {
    String filler = "x".repeat(chars);
    List<BsonDocument> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      documents.add(document(uuid, "{filler: '" + filler + "'}"));
    }
    return documents;
  }

  /** The filter matching the document of a UUID. */
  public static BsonDocument byUuid(UUID uuid) {
    return new BsonDocument("uuid", Uuids.toBinary(uuid));
  }

  @Override
  public void close() {
    client.close();
  }
}
