package io.roomcast.socket.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code JoinRoom {"rooms": [...], "snapshot": true}} over real sockets (v4 websocket and polling,
 * v3 polling) against the embedded database: the ack carries the rooms' documents and the position,
 * changes after it follow the ack, beyond {@code SNAPSHOT_MAX_DOCUMENTS} it is truncated, and bad
 * requests are refused with nothing done.
 */
class SnapshotJoinIT {
  private static final int MAX_DOCUMENTS = 4;

  @RegisterExtension
  static final ServerWithDatabase RUNNING =
      ServerWithDatabase.perClass(Map.of("SNAPSHOT_MAX_DOCUMENTS", "" + MAX_DOCUMENTS));

  @Test
  void theAckCarriesTheDocumentsOfEachRoomFromEveryCollectionAndThePosition() {
    UUID room = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    MongoWriter writer = RUNNING.writer();
    writer.collection("app", "items").insertOne(MongoWriter.document(room, "{_id: 1, v: 1}"));
    writer.collection("app", "notes").insertOne(MongoWriter.document(room, "{_id: 2, t: 'x'}"));
    writer.collection("app", "items").insertOne(MongoWriter.document(other, "{_id: 3}"));
    for (String transport : List.of("websocket", "polling")) {
      try (JavaClient client = connect(transport)) {
        JsonNode ack = client.emitWithAck("JoinRoom", snapshotJoin(room));
        assertTrue(ack.path("ok").asBoolean(), ack.toString());
        String position = ack.path("position").asText();
        assertTrue(position.matches("82[0-9A-F]{16}"), ack.toString());
        JsonNode result = ack.path("results").get(0);
        assertEquals("joined", result.path("status").asText());
        assertFalse(result.path("truncated").asBoolean(true));
        List<String> where = new ArrayList<>();
        for (JsonNode entry : result.path("documents")) {
          where.add(entry.path("collection").asText() + ":" + entry.path("document").path("_id"));
          assertEquals("app", entry.path("db").asText());
          assertEquals(room.toString(), entry.path("document").path("uuid").asText());
        }
        assertEquals(List.of("items:1", "notes:2"), where);
        int next = (int) System.nanoTime();
        writer.collection("app", "items").updateOne(Filters.eq("_id", 1), Updates.set("v", next));
        Received change =
            client.awaitEvent(
                "the change after the snapshot", e -> e.body().path("v").asInt() == next);
        assertTrue(change.meta().path("id").asText().compareTo(position) > 0);
      }
    }
  }

  @Test
  void aV3ClientGetsTheSameAck() throws Exception {
    UUID room = UUID.randomUUID();
    RUNNING
        .writer()
        .collection("app", "items")
        .insertOne(MongoWriter.document(room, "{_id: 'v3'}"));
    Eio3PollingClient client = Eio3PollingClient.connect(SocketServers.url(RUNNING.server()));
    client.send("420[\"JoinRoom\",{\"rooms\":[\"" + room + "\"],\"snapshot\":true}]");
    JsonNode ack = Eio3PollingClient.arguments(client.awaitPacket("430")).get(0);
    assertTrue(ack.path("ok").asBoolean(), ack.toString());
    JsonNode documents = ack.path("results").get(0).path("documents");
    assertEquals(1, documents.size(), ack.toString());
    assertEquals("v3", documents.get(0).path("document").path("_id").asText());
  }

  @Test
  void beyondSnapshotMaxDocumentsTheResultsSayTruncated() {
    UUID room = UUID.randomUUID();
    RUNNING
        .writer()
        .collection("app", "items")
        .insertMany(MongoWriter.filledDocuments(room, MAX_DOCUMENTS + 1, 1));
    try (JavaClient client = connect("websocket")) {
      JsonNode ack = client.emitWithAck("JoinRoom", snapshotJoin(room));
      JsonNode result = ack.path("results").get(0);
      assertEquals(MAX_DOCUMENTS, result.path("documents").size(), ack.toString());
      assertTrue(result.path("truncated").asBoolean(), ack.toString());
    }
  }

  @Test
  void sinceAndSnapshotTogetherOrASnapshotThatIsNotABooleanAreRefusedWithNothingDone() {
    UUID room = UUID.randomUUID();
    try (JavaClient client = connect("websocket")) {
      JSONArray rooms = new JSONArray(List.of(room.toString()));
      JSONObject both =
          new JSONObject(
              Map.of("rooms", rooms, "snapshot", true, "since", "8200000001000000010000"));
      JSONObject notBoolean = new JSONObject(Map.of("rooms", rooms, "snapshot", "yes"));
      for (JSONObject bad : List.of(both, notBoolean)) {
        JsonNode ack = client.emitWithAck("JoinRoom", bad);
        assertFalse(ack.path("ok").asBoolean(), ack.toString());
        assertTrue(ack.path("error").asText().contains("nothing done"), ack.toString());
        assertTrue(ack.path("results").get(0).path("documents").isMissingNode(), ack.toString());
      }
      assertNotInRoom(client, room, RUNNING);
    }
  }

  /** A change to the room does not arrive, while one to a sentinel room joined after does. */
  static void assertNotInRoom(JavaClient client, UUID room, ServerWithDatabase running) {
    UUID sentinel = UUID.randomUUID();
    client.join(sentinel.toString());
    running.writer().collection("app", "items").insertOne(MongoWriter.document(room, "{}"));
    running.writer().collection("app", "items").insertOne(MongoWriter.document(sentinel, "{}"));
    client.awaitEvent("the sentinel's change", e -> e.uuid().equals(sentinel.toString()));
    assertTrue(client.events().stream().noneMatch(e -> e.uuid().equals(room.toString())));
  }

  static JSONObject snapshotJoin(UUID... rooms) {
    List<String> names = new ArrayList<>();
    for (UUID room : rooms) {
      names.add(room.toString());
    }
    return new JSONObject(Map.of("rooms", new JSONArray(names), "snapshot", true));
  }

  private static JavaClient connect(String transport) {
    return JavaClient.connect(SocketServers.url(RUNNING.server()), transport).awaitConnected();
  }
}
