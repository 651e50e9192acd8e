package io.roomcast.socket.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JoinRoom's object form with {@code since}, over the window: a v2/v3 client (Engine.IO 3 polling)
 * that comes back in a new session gets the changes it missed, in order, before its ack; a {@code
 * since} of the wrong type is rejected with nothing done; an unreadable one resyncs and still
 * joins.
 */
class SinceJoinIT {
  @RegisterExtension static final ServerWithDatabase STACK = ServerWithDatabase.perClass(Map.of());

  @Test
  void aV3ClientInANewSessionGetsWhatItMissedBeforeItsAck() throws Exception {
    UUID room = UUID.randomUUID();
    Eio3PollingClient first = Eio3PollingClient.connect(SocketServers.url(STACK.server()));
    first.send("420[\"JoinRoom\",[\"" + room + "\"]]");
    first.awaitPacket("430");
    insert(room, 0, 3);
    String last = null;
    for (int i = 0; i < 3; i++) {
      last =
          Eio3PollingClient.arguments(first.awaitPacket("42[\"items\"")).get(2).path("id").asText();
    }
    // The first session is abandoned: what follows is missed, then asked for again.
    insert(room, 3, 20);
    Eio3PollingClient again = Eio3PollingClient.connect(SocketServers.url(STACK.server()));
    again.send("421[\"JoinRoom\",{\"rooms\":[\"" + room + "\"],\"since\":\"" + last + "\"}]");
    List<String> packets = again.awaitPacketsUntil("431");
    List<Integer> replayed = new ArrayList<>();
    for (String packet : packets.subList(0, packets.size() - 1)) {
      if (!packet.startsWith("42[\"items\"")) {
        continue; // the session's CONNECT, pings
      }
      replayed.add(Eio3PollingClient.arguments(packet).get(1).path("n").asInt());
    }
    assertEquals(range(3, 20), replayed, "the missed changes, in order, before the ack");
    JsonNode result =
        Eio3PollingClient.arguments(packets.get(packets.size() - 1)).get(0).path("results").get(0);
    assertTrue(result.path("recovered").asBoolean(), result.toString());
    assertEquals(17, result.path("replayed").asInt());
    insert(room, 20, 21);
    assertEquals(
        20,
        Eio3PollingClient.arguments(again.awaitPacket("42[\"items\"")).get(1).path("n").asInt());
  }

  @Test
  void aSinceThatIsNotAStringIsRejectedAndNothingIsDone() {
    UUID room = UUID.randomUUID();
    try (JavaClient client =
            JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected();
        JavaClient watcher =
            JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected()) {
      JsonNode ack =
          client.emitWithAck(
              "JoinRoom",
              new JSONObject(
                  Map.of("rooms", new JSONArray(List.of(room.toString())), "since", 42)));
      assertFalse(ack.path("ok").asBoolean(), ack.toString());
      assertTrue(ack.path("error").asText().contains("since"), ack.toString());
      watcher.join(room.toString());
      insert(room, 0, 1);
      watcher.awaitEvent("the change", e -> e.name().equals("items"));
      assertTrue(client.events().stream().noneMatch(e -> e.name().equals("items")), "not joined");
    }
  }

  @Test
  void anUnreadableSinceResyncsAndStillJoins() {
    UUID room = UUID.randomUUID();
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected()) {
      JsonNode ack =
          client.emitWithAck(
              "JoinRoom",
              new JSONObject(
                  Map.of(
                      "rooms",
                      new JSONArray(List.of(room.toString())),
                      "since",
                      "not-a-position")));
      JsonNode result = ack.path("results").get(0);
      assertTrue(ack.path("ok").asBoolean(), ack.toString());
      assertTrue(result.path("resync").asBoolean(), ack.toString());
      assertEquals("joined", result.path("status").asText());
      insert(room, 0, 1);
      client.awaitEvent("a live change after the resync", e -> e.name().equals("items"));
    }
  }

  private static void insert(UUID room, int from, int to) {
    MongoCollection<BsonDocument> items = STACK.writer().collection("app", "items");
    for (int n = from; n < to; n++) {
      items.insertOne(MongoWriter.document(room, "{n: " + n + "}"));
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> numbers = new ArrayList<>();
    for (int n = from; n < to; n++) {
      numbers.add(n);
    }
    return numbers;
  }
}
