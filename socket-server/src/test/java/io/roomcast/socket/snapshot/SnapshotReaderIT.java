package io.roomcast.socket.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.testing.MongoWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snapshot read against the embedded database over TCP: the documents of the asked rooms from
 * every collection of every watched database (binary and string UUIDs), shaped as change bodies,
 * bounded, and the position that splits the change history at the read's cluster time.
 */
class SnapshotReaderIT {
  private static EmbeddedMongo mongo;
  private static MongoWriter writer;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    writer = new MongoWriter(mongo.connectionString());
  }

  @AfterAll
  static void stop() {
    writer.close();
    mongo.close();
  }

  @Test
  void readsTheRoomsDocumentsInEveryCollectionOfTheWatchedDatabases() throws Exception {
    UUID room = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    writer.collection("snapA", "orders").insertOne(MongoWriter.document(room, "{_id: 1, n: 1}"));
    writer.collection("snapA", "orders").insertOne(MongoWriter.document(other, "{_id: 2}"));
    BsonDocument asString = new BsonDocument("_id", new BsonString("s"));
    asString.put("uuid", new BsonString(Uuids.roomName(room).toUpperCase()));
    writer.collection("snapB", "notes").insertOne(asString);
    writer.collection("unwatched", "orders").insertOne(MongoWriter.document(room, "{_id: 3}"));
    Snapshot snapshot = read(List.of("snapA", "snapB"), 100, Set.of(Uuids.roomName(room)));
    List<String> found = new ArrayList<>();
    for (JsonNode entry : snapshot.documents().get(Uuids.roomName(room))) {
      found.add(entry.get("db").asText() + "." + entry.get("collection").asText());
      assertEquals(Uuids.roomName(room), entry.get("document").get("uuid").asText());
    }
    assertEquals(List.of("snapA.orders", "snapB.notes"), found);
    assertFalse(snapshot.truncated());
    assertTrue(snapshot.position().data().matches("82[0-9A-F]{16}"), snapshot.position().data());
  }

  @Test
  void thePositionSortsAfterEveryChangeInTheSnapshotAndBeforeEveryLaterOne() throws Exception {
    UUID room = UUID.randomUUID();
    var items = writer.collection("snapPos", "items");
    items.insertOne(MongoWriter.document(room, "{_id: 1, v: 1}"));
    var stream = items.watch(BsonDocument.class).iterator(); // open from here on
    items.updateOne(Filters.eq("_id", 1), Updates.set("v", 2));
    String inSnapshot = stream.next().getResumeToken().getString("_data").getValue();
    Snapshot snapshot = read(List.of("snapPos"), 100, Set.of(Uuids.roomName(room)));
    items.updateOne(Filters.eq("_id", 1), Updates.set("v", 3));
    String after = stream.next().getResumeToken().getString("_data").getValue();
    stream.close();
    JsonNode document = snapshot.documents().get(Uuids.roomName(room)).get(0).get("document");
    assertEquals(2, document.get("v").asInt(), "the snapshot holds the change before it");
    assertTrue(inSnapshot.compareTo(snapshot.position().data()) < 0, inSnapshot);
    assertTrue(after.compareTo(snapshot.position().data()) > 0, after);
  }

  @Test
  void beyondTheLimitTheJoinIsTruncated() throws Exception {
    UUID room = UUID.randomUUID();
    List<BsonDocument> five = MongoWriter.filledDocuments(room, 5, 1);
    writer.collection("snapLimit", "items").insertMany(five);
    Snapshot snapshot = read(List.of("snapLimit"), 3, Set.of(Uuids.roomName(room)));
    assertEquals(3, snapshot.documents().get(Uuids.roomName(room)).size());
    assertTrue(snapshot.truncated());
    Snapshot exact = read(List.of("snapLimit"), 5, Set.of(Uuids.roomName(room)));
    assertEquals(5, exact.documents().get(Uuids.roomName(room)).size());
    assertFalse(exact.truncated());
  }

  @Test
  void beyondTheByteBoundTheJoinIsTruncated() throws Exception {
    UUID room = UUID.randomUUID();
    writer.collection("snapBytes", "items").insertMany(MongoWriter.filledDocuments(room, 3, 1000));
    Set<String> rooms = Set.of(Uuids.roomName(room));
    Snapshot twoFit = read(List.of("snapBytes"), new SnapshotSettings(100, 2500, 2, 10), rooms);
    assertEquals(2, twoFit.documents().get(Uuids.roomName(room)).size());
    assertTrue(twoFit.truncated());
    Snapshot allFit = read(List.of("snapBytes"), new SnapshotSettings(100, 4000, 2, 10), rooms);
    assertEquals(3, allFit.documents().get(Uuids.roomName(room)).size());
    assertFalse(allFit.truncated());
  }

  private static Snapshot read(List<String> databases, int maxDocuments, Set<String> rooms)
      throws Exception {
    return read(databases, new SnapshotSettings(maxDocuments, 512 * 1024, 2, 10), rooms);
  }

  private static Snapshot read(List<String> databases, SnapshotSettings settings, Set<String> rooms)
      throws Exception {
    try (SnapshotReader reader =
        new SnapshotReader(
            new ConnectionString(mongo.connectionString()), databases, "uuid", settings)) {
      return reader.read(rooms).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
