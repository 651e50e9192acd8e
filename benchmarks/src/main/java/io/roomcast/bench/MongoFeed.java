package io.roomcast.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Inserts each batch with one {@code insertMany} (one round trip, one change event per document)
 * into {@code app.bench}, the collection both database-backed servers watch. The document is what
 * clients receive: the room's uuid, the accounting fields and a padding string.
 */
final class MongoFeed implements Feed {
  private final MongoClient client;
  private final MongoCollection<Document> collection;
  private final String pad;

  MongoFeed(String uri, int padBytes) {
    client = MongoClients.create(uri);
    collection = client.getDatabase("app").getCollection("bench");
    pad = "x".repeat(padBytes);
  }

  @Override
  public void publish(List<Change> batch) {
    List<Document> documents = new ArrayList<>(batch.size());
    for (Change change : batch) {
      documents.add(
          new Document("uuid", change.room())
              .append("benchStep", change.step())
              .append("benchSeq", change.seq())
              .append("benchTs", change.sentMicros())
              .append("pad", pad));
    }
    collection.insertMany(documents);
  }

  @Override
  public void close() {
    client.close();
  }
}
