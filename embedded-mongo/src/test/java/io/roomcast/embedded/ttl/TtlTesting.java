package io.roomcast.embedded.ttl;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.Reactive;
import io.roomcast.embedded.testing.StreamRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/** Commands and documents the TTL tests share. */
final class TtlTesting {
  static final Duration WAIT = Duration.ofSeconds(20);

  /** The TTL monitor's interval in these tests. */
  static final Duration INTERVAL = Duration.ofMillis(100);

  static final Date PAST = Date.from(Instant.now().minusSeconds(60));
  static final Date FUTURE = Date.from(Instant.now().plusSeconds(3_600));

  private TtlTesting() {}

  static Document ttlSpec(String name, String field, Object seconds) {
    return new Document("key", new Document(field, 1))
        .append("name", name)
        .append("expireAfterSeconds", seconds);
  }

  static Document createIndexes(String collection, Document... specs) {
    return new Document("createIndexes", collection).append("indexes", List.of(specs));
  }

  static Document run(MongoDatabase db, Document command) {
    return Reactive.one(db.runCommand(command));
  }

  static List<Document> indexes(MongoDatabase db, String collection) {
    return Reactive.all(db.getCollection(collection).listIndexes());
  }

  static List<String> names(MongoDatabase db, String collection) {
    return indexes(db, collection).stream().map(index -> index.getString("name")).toList();
  }

  static Document dated(String id, Object value) {
    return new Document("_id", id).append("expiresAt", value);
  }

  static Set<String> ids(MongoCollection<Document> collection) {
    return Reactive.all(collection.find()).stream()
        .map(document -> document.getString("_id"))
        .collect(Collectors.toSet());
  }

  /** Inserts an expired document and waits for its deletion: a pass ran after the calls before. */
  static void expireProbe(MongoCollection<Document> collection, String id) {
    Reactive.one(collection.insertOne(dated(id, PAST)));
    await().atMost(WAIT).until(() -> !ids(collection).contains(id));
  }

  static StreamRecorder<ChangeStreamDocument<Document>> openStream(
      MongoCollection<Document> collection) {
    StreamRecorder<ChangeStreamDocument<Document>> stream =
        StreamRecorder.record(collection.watch());
    // The stream opens asynchronously: write documents that never expire until one is seen.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Reactive.one(collection.deleteMany(new Document("_id", "open")));
              Reactive.one(collection.insertOne(new Document("_id", "open")));
              return stream.items().stream()
                  .anyMatch(event -> event.getOperationType() == OperationType.INSERT);
            });
    Reactive.one(collection.deleteMany(new Document("_id", "open")));
    return stream;
  }

  static Set<String> deletedIds(StreamRecorder<ChangeStreamDocument<Document>> stream) {
    return stream.items().stream()
        .filter(event -> event.getOperationType() == OperationType.DELETE)
        .map(event -> event.getDocumentKey().getString("_id").getValue())
        .filter(id -> !id.equals("open"))
        .collect(Collectors.toSet());
  }
}
