package io.roomcast.embedded.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoCommandException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.embedded.testing.Reactive;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the embedded database refuses in snapshot reads, with MongoDB's codes: options it does not
 * apply at a point in time, commands other than find, a time older than its history, a collection
 * dropped since. Nothing is changed by a refused read.
 */
class SnapshotReadsIT {
  private static final int HISTORY_EVENTS = 20;

  private static EmbeddedMongo mongo;
  private static MongoClient client;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start(EmbeddedMongoOptions.defaults().withHistoryEvents(HISTORY_EVENTS));
    client = MongoClients.create(mongo.connectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.close();
  }

  @Test
  void optionsItDoesNotApplyAtAPointInTimeAreRefused() {
    MongoCollection<Document> items = filled("sorted");
    try (ClientSession session = snapshotSession()) {
      assertCode(20, () -> Reactive.all(items.find(session).sort(Sorts.ascending("v"))));
      assertCode(20, () -> Reactive.all(items.find(session).skip(1)));
      assertCode(20, () -> Reactive.all(items.aggregate(session, List.of())));
      assertEquals(1, Reactive.all(items.find(session).limit(1)).size(), "limit applies");
    }
  }

  @Test
  void aTimeOlderThanTheRetainedHistoryIsSnapshotTooOld() {
    MongoCollection<Document> items = filled("old");
    try (ClientSession session = snapshotSession()) {
      assertEquals(2, Reactive.all(items.find(session)).size());
      for (int i = 0; i <= HISTORY_EVENTS; i++) {
        Reactive.one(items.updateOne(Filters.eq("_id", 1), Updates.inc("v", 1)));
      }
      assertCode(239, () -> Reactive.all(items.find(session)));
    }
  }

  @Test
  void aCollectionDroppedAfterTheSnapshotsTimeIsSnapshotUnavailable() {
    MongoCollection<Document> items = filled("dropped");
    try (ClientSession session = snapshotSession()) {
      assertEquals(2, Reactive.all(items.find(session)).size());
      Reactive.one(items.drop());
      assertCode(246, () -> Reactive.all(items.find(session)));
    }
  }

  private static MongoCollection<Document> filled(String name) {
    MongoCollection<Document> items = client.getDatabase("snapshots").getCollection(name);
    Reactive.one(
        items.insertMany(
            List.of(new Document("_id", 1).append("v", 1), new Document("_id", 2).append("v", 2))));
    return items;
  }

  private static ClientSession snapshotSession() {
    return Reactive.one(client.startSession(ClientSessionOptions.builder().snapshot(true).build()));
  }

  private static void assertCode(int code, Executable read) {
    assertEquals(code, assertThrows(MongoCommandException.class, read).getErrorCode());
  }
}
