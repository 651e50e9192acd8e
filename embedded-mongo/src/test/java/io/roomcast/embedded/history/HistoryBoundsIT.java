package io.roomcast.embedded.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.embedded.testing.FillerDocuments;
import io.roomcast.embedded.testing.Reactive;
import io.roomcast.embedded.testing.StreamRecorder;
import java.time.Duration;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * History lost and bounded history (read cost independent of its length): checks only the embedded
 * database can make, as they need its bounds and its work counter.
 */
class HistoryBoundsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aTokenOlderThanTheRetainedHistoryFailsWithChangeStreamHistoryLost() {
    EmbeddedMongoOptions options = EmbeddedMongoOptions.defaults().withHistoryEvents(50);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(options);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> items = client.getDatabase("app").getCollection("items");
      Reactive.one(items.insertOne(new Document("_id", 0)));
      BsonDocument oldToken = firstEventToken(items);
      FillerDocuments.insert(items, 100);
      assertEquals(50, mongo.historyStats().retainedEvents());

      try (StreamRecorder<ChangeStreamDocument<Document>> stream =
          StreamRecorder.record(items.watch().resumeAfter(oldToken))) {
        await().atMost(WAIT).until(() -> stream.error() != null);
        MongoCommandException error =
            assertThrows(
                MongoCommandException.class,
                () -> {
                  throw stream.error();
                });
        assertEquals(286, error.getErrorCode());
        assertEquals("ChangeStreamHistoryLost", error.getErrorCodeName());
      }
    }
  }

  @Test
  void historyIsBoundedByBytes() {
    EmbeddedMongoOptions options =
        EmbeddedMongoOptions.defaults().withHistoryBytes(256 * 1024).withHistoryEvents(1_000_000);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(options);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> items = client.getDatabase("app").getCollection("items");
      FillerDocuments.insert(items, 5_000);
      HistoryStats stats = mongo.historyStats();
      assertTrue(stats.retainedBytes() <= 256 * 1024, "bytes bound holds: " + stats);
      assertTrue(stats.retainedEvents() < 5_000, "oldest trimmed: " + stats);
    }
  }

  @Test
  void getMoreCostAtOneHundredThousandRetainedEventsMatchesTheCostAtOneThousand() {
    EmbeddedMongoOptions options = EmbeddedMongoOptions.defaults().withHistoryEvents(200_000);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(options);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> items = client.getDatabase("app").getCollection("items");
      FillerDocuments.insert(items, 1_000);
      try (StreamRecorder<ChangeStreamDocument<Document>> stream =
          StreamRecorder.record(client.getDatabase("app").watch())) {
        long atOneThousand = examinedPerEvent(mongo, items, stream, "small");
        FillerDocuments.insert(items, 99_000);
        await().atMost(WAIT).until(() -> stream.items().size() >= 99_000 + 50);
        long atOneHundredThousand = examinedPerEvent(mongo, items, stream, "large");
        assertTrue(mongo.historyStats().retainedEvents() >= 100_000);
        assertTrue(
            atOneHundredThousand <= 2 * atOneThousand,
            "history work per getMore: "
                + atOneThousand
                + " at 1k, "
                + atOneHundredThousand
                + " at 100k");
      }
    }
  }

  /** History events handed to readers while 50 inserts reach an open stream one by one. */
  private static long examinedPerEvent(
      EmbeddedMongo mongo,
      MongoCollection<Document> items,
      StreamRecorder<ChangeStreamDocument<Document>> stream,
      String label) {
    await().atMost(WAIT).until(() -> primeSeen(items, stream, label));
    long before = mongo.historyStats().examinedEvents();
    int seen = stream.items().size();
    for (int i = 0; i < 50; i++) {
      Reactive.one(items.insertOne(new Document("probe", label + i)));
      int expected = seen + i + 1;
      await().atMost(WAIT).until(() -> stream.items().size() >= expected);
    }
    return mongo.historyStats().examinedEvents() - before;
  }

  private static boolean primeSeen(
      MongoCollection<Document> items,
      StreamRecorder<ChangeStreamDocument<Document>> stream,
      String label) {
    Reactive.one(items.insertOne(new Document("prime", label)));
    return stream.items().stream()
        .anyMatch(
            e -> e.getFullDocument() != null && label.equals(e.getFullDocument().get("prime")));
  }

  private static BsonDocument firstEventToken(MongoCollection<Document> items) {
    try (StreamRecorder<ChangeStreamDocument<Document>> stream =
        StreamRecorder.record(items.watch().startAtOperationTime(new org.bson.BsonTimestamp(0)))) {
      await().atMost(WAIT).until(() -> !stream.items().isEmpty());
      return stream.items().get(0).getResumeToken();
    }
  }
}
