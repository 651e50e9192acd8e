package io.roomcast.embedded.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.Reactive;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Snapshot reads ({@code readConcern: {level: "snapshot"}} in a snapshot session): every read of
 * the session sees the data at one cluster time T, across collections, whatever is written after
 * the first read; and T splits the change history exactly: changes at or before T are in the
 * snapshot, later ones are not.
 */
abstract class SnapshotContract extends ContractSupport {

  @Test
  void snapshotReadsAtTSeeEveryChangeUpToTAndNoneAfterAcrossTwoCollections() {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> a = db.getCollection("a");
    MongoCollection<Document> b = db.getCollection("b");
    List<ChangeStreamDocument<Document>> events;
    BsonTimestamp snapshotTime;
    try (PrimedRecorder<Document> stream = ready(db.watch(), db.getCollection("primes"))) {
      insert(a, new Document("_id", "a1").append("v", 1), new Document("_id", "a2").append("v", 1));
      insert(b, new Document("_id", "b1").append("v", 1), new Document("_id", "b2").append("v", 1));
      sync(a.updateOne(Filters.eq("_id", "a1"), Updates.set("v", 2)));
      ClientSession session =
          sync(client.startSession(ClientSessionOptions.builder().snapshot(true).build()));
      try {
        assertEquals(Set.of("a1:2", "a2:1"), read(session, a));
        snapshotTime = session.getSnapshotTimestamp();
        assertNotNull(snapshotTime, "the first snapshot read fixes the session's cluster time");
        // Changes after the first read, to both collections: none may show in the session.
        insert(a, new Document("_id", "a3").append("v", 1));
        sync(a.updateOne(Filters.eq("_id", "a2"), Updates.set("v", 3)));
        sync(b.deleteOne(Filters.eq("_id", "b1")));
        sync(b.replaceOne(Filters.eq("_id", "b2"), new Document("v", 4)));
        insert(b, new Document("_id", "b3").append("v", 1));
        assertEquals(Set.of("b1:1", "b2:1"), read(session, b));
        assertEquals(Set.of("a1:2", "a2:1"), read(session, a));
        assertEquals(snapshotTime, session.getSnapshotTimestamp());
      } finally {
        session.close();
      }
      events = stream.awaitEvents(10);
    }
    for (int i = 0; i < events.size(); i++) {
      boolean before = i < 5;
      BsonTimestamp time = events.get(i).getClusterTime();
      assertTrue(
          before ? time.compareTo(snapshotTime) <= 0 : time.compareTo(snapshotTime) > 0,
          "change " + i + " at " + time + " vs snapshot at " + snapshotTime);
    }
    Set<String> now =
        Reactive.all(b.find()).stream()
            .map(SnapshotContract::idAndValue)
            .collect(Collectors.toSet());
    assertEquals(Set.of("b2:4", "b3:1"), now, "outside the session the writes are visible");
  }

  @Test
  void aSnapshotReadFiltersTheDocumentsAsTheyWereAtT() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    insert(
        items,
        new Document("_id", "x").append("room", "r"),
        new Document("_id", "y").append("room", "other"));
    ClientSession session =
        sync(client.startSession(ClientSessionOptions.builder().snapshot(true).build()));
    try {
      assertEquals(1, Reactive.all(items.find(session, Filters.eq("room", "r"))).size());
      // x leaves the room and y enters it after T: the session still sees x only.
      sync(items.updateOne(Filters.eq("_id", "x"), Updates.set("room", "gone")));
      sync(items.updateOne(Filters.eq("_id", "y"), Updates.set("room", "r")));
      List<Document> found = Reactive.all(items.find(session, Filters.eq("room", "r")));
      assertEquals(List.of("x"), found.stream().map(d -> d.getString("_id")).toList());
      assertEquals("r", found.get(0).getString("room"));
    } finally {
      session.close();
    }
  }

  private static Set<String> read(ClientSession session, MongoCollection<Document> collection) {
    return Reactive.all(collection.find(session)).stream()
        .map(SnapshotContract::idAndValue)
        .collect(Collectors.toSet());
  }

  private static String idAndValue(Document document) {
    return document.getString("_id") + ":" + document.get("v");
  }
}
