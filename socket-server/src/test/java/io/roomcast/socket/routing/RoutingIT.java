package io.roomcast.socket.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes written with the driver reach the room of their UUID, named after their collection. */
class RoutingIT {
  @RegisterExtension
  static final ServerWithDatabase RUNNING =
      ServerWithDatabase.perClass(Map.of("WATCH_DATABASES", "app,other"));

  @BeforeAll
  static void seed() {
    RUNNING.writer().collectionWithPreImages("app", "items");
  }

  @Test
  void everyKindOfChangeReachesTheRoomWithBodyAndMeta() {
    UUID uuid = UUID.randomUUID();
    String room = uuid.toString();
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      assertTrue(client.join(room).path("ok").asBoolean());
      var items = RUNNING.writer().collection("app", "items");

      items.insertOne(MongoWriter.document(uuid, "{title: 'first', n: {$numberLong: '5'}}"));
      Received insert = awaitOperation(client, "items", room, "insert");
      assertEquals("first", insert.body().path("title").asText());
      assertEquals(5, insert.body().path("n").asLong());
      assertTrue(insert.body().path("_id").isTextual(), "ObjectId as a hex string");
      assertEquals("app", insert.meta().path("db").asText());
      assertEquals("items", insert.meta().path("collection").asText());
      assertTrue(insert.meta().path("id").isTextual(), insert.meta().toString());
      assertTrue(insert.meta().path("clusterTime").path("t").isNumber(), insert.meta().toString());
      assertEquals(insert.body().path("_id"), insert.meta().path("documentKey").path("_id"));

      items.updateOne(
          MongoWriter.byUuid(uuid),
          Updates.combine(Updates.set("title", "second"), Updates.unset("n")));
      Received update = awaitOperation(client, "items", room, "update");
      assertEquals("second", update.body().path("title").asText());
      assertEquals(2, update.body().size(), "the updated fields plus the uuid: " + update.body());
      assertEquals("[\"n\"]", update.meta().path("removedFields").toString());

      items.replaceOne(MongoWriter.byUuid(uuid), MongoWriter.document(uuid, "{title: 'replaced'}"));
      Received replace = awaitOperation(client, "items", room, "replace");
      assertEquals("replaced", replace.body().path("title").asText());
      assertTrue(replace.body().path("n").isMissingNode());

      items.deleteOne(MongoWriter.byUuid(uuid));
      Received delete = awaitOperation(client, "items", room, "delete");
      assertEquals("{\"uuid\":\"" + room + "\"}", delete.body().toString());
    }
  }

  @Test
  void aClientNeverReceivesAnotherRoomsChanges() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    try (JavaClient inA =
            JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected();
        JavaClient inB =
            JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      inA.join(a.toString());
      inB.join(b.toString());
      var items = RUNNING.writer().collection("app", "items");
      items.insertOne(MongoWriter.document(b, "{room: 'B'}"));
      awaitOperation(inB, "items", b.toString(), "insert");
      // The fence: written after B's change in the same stream, so anything of B's that leaked
      // into room A would have arrived before it.
      items.insertOne(MongoWriter.document(a, "{fence: true}"));
      inA.awaitEvent("the fence", e -> e.body().path("fence").asBoolean());
      for (Received event : inA.events()) {
        assertEquals(a.toString(), event.uuid(), "room A received " + event);
      }
      for (Received event : inB.events()) {
        assertEquals(b.toString(), event.uuid(), "room B received " + event);
      }
    }
  }

  @Test
  void watchesEveryConfiguredDatabaseAndCollectionsCreatedAfterStart() {
    UUID uuid = UUID.randomUUID();
    String room = uuid.toString();
    String newCollection = "created_" + Long.toHexString(System.nanoTime());
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      client.join(room);
      RUNNING
          .writer()
          .collection("other", "things")
          .insertOne(MongoWriter.document(uuid, "{db: 'other'}"));
      Received other = awaitOperation(client, "things", room, "insert");
      assertEquals("other", other.meta().path("db").asText());

      RUNNING
          .writer()
          .collection("app", newCollection)
          .insertOne(MongoWriter.document(uuid, "{fresh: true}"));
      awaitOperation(client, newCollection, room, "insert");

      RUNNING
          .writer()
          .collection("unwatched", "things")
          .insertOne(MongoWriter.document(uuid, "{db: 'x'}"));
      RUNNING
          .writer()
          .collection("app", "items")
          .insertOne(MongoWriter.document(uuid, "{fence: true}"));
      client.awaitEvent("the fence", e -> e.body().path("fence").asBoolean());
      assertTrue(
          client.events().stream().noneMatch(e -> "unwatched".equals(e.meta().path("db").asText())),
          "a database that is not watched sends nothing");
    }
  }

  @Test
  void aDeleteWithoutPreImageHasNoUuidAndIsSkipped() {
    UUID uuid = UUID.randomUUID();
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      client.join(uuid.toString());
      var plain = RUNNING.writer().collection("app", "no_pre_images");
      plain.insertOne(MongoWriter.document(uuid, "{}"));
      awaitOperation(client, "no_pre_images", uuid.toString(), "insert");
      plain.deleteOne(MongoWriter.byUuid(uuid));
      plain.insertOne(MongoWriter.document(uuid, "{fence: true}"));
      client.awaitEvent("the fence", e -> e.body().path("fence").asBoolean());
      assertTrue(client.events().stream().noneMatch(e -> "delete".equals(e.operationType())));
    }
  }

  @Test
  void aStringUuidInAnyCaseRoutesToTheLowercaseRoom() {
    UUID uuid = UUID.randomUUID();
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      client.join(uuid.toString().toUpperCase());
      RUNNING
          .writer()
          .collection("app", "notes")
          .insertOne(
              BsonDocument.parse("{uuid: '" + uuid.toString().toUpperCase() + "', text: 'hi'}"));
      Received insert = awaitOperation(client, "notes", uuid.toString(), "insert");
      assertEquals("hi", insert.body().path("text").asText());
    }
  }

  static Received awaitOperation(JavaClient client, String collection, String room, String op) {
    return client.awaitEvent(
        op + " in " + collection + " for " + room,
        e -> collection.equals(e.name()) && room.equals(e.uuid()) && op.equals(e.operationType()));
  }
}
