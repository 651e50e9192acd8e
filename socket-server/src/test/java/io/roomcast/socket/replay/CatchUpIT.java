package io.roomcast.socket.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import io.roomcast.embedded.testing.Scrape;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Positions older than a tiny window (5 changes) are read from MongoDB: the client gets every
 * change it missed, in order, through a catch-up cursor; beyond REPLAY_MAX_EVENTS it resyncs.
 */
class CatchUpIT {
  private static final int MAX_REPLAY = 25;

  @RegisterExtension
  static final ServerWithDatabase STACK =
      ServerWithDatabase.perClass(
          Map.of("REPLAY_WINDOW_EVENTS", "5", "REPLAY_MAX_EVENTS", Integer.toString(MAX_REPLAY)));

  @Test
  void aPositionOlderThanTheWindowIsReplayedFromMongoDb() {
    UUID room = UUID.randomUUID();
    String since = firstChangeId(room);
    insert(room, 1, 21);
    insert(UUID.randomUUID(), 0, 10); // other rooms' changes are filtered out
    try (JavaClient client = connect()) {
      JsonNode result = joinSince(client, room, since);
      assertTrue(result.path("recovered").asBoolean(), result.toString());
      assertEquals(20, result.path("replayed").asInt());
      assertEquals(range(1, 21), numbers(client));
      insert(room, 21, 22);
      client.awaitEvent("the next live change", e -> e.body().path("n").asInt() == 21);
      assertEquals(21, numbers(client).size(), "each change once");
    }
    Scrape metrics = Scrape.of(SocketServers.adminUrl(STACK.server()) + "/metrics");
    assertTrue(metrics.value("roomcast_catchup_cursors_opened_total") >= 1);
    assertTrue(
        metrics.value("roomcast_replay_joins_total", "outcome=recovered", "source=mongodb") >= 1);
  }

  @Test
  void aClientFurtherBehindThanReplayMaxEventsResyncs() {
    UUID room = UUID.randomUUID();
    String since = firstChangeId(room);
    insert(room, 1, MAX_REPLAY + 2);
    try (JavaClient client = connect()) {
      JsonNode result = joinSince(client, room, since);
      assertTrue(result.path("resync").asBoolean(), result.toString());
      assertFalse(result.has("recovered"), result.toString());
      assertTrue(numbers(client).isEmpty(), "nothing replayed");
      insert(room, 100, 101);
      client.awaitEvent("joined to live changes", e -> e.body().path("n").asInt() == 100);
    }
  }

  /** A client in the room gets change 0 and leaves; returns the change's meta.id. */
  private static String firstChangeId(UUID room) {
    try (JavaClient first = connect()) {
      first.join(room.toString());
      insert(room, 0, 1);
      Received change = first.awaitEvent("change 0", e -> e.name().equals("items"));
      return change.meta().path("id").asText();
    }
  }

  static JsonNode joinSince(JavaClient client, UUID room, String since) {
    JsonNode ack =
        client.emitWithAck(
            "JoinRoom",
            new JSONObject(
                Map.of("rooms", new JSONArray(List.of(room.toString())), "since", since)));
    assertTrue(ack.path("ok").asBoolean(), ack.toString());
    return ack.path("results").get(0);
  }

  private static JavaClient connect() {
    return JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected();
  }

  private static List<Integer> numbers(JavaClient client) {
    return client.events().stream()
        .filter(e -> e.name().equals("items"))
        .map(e -> e.body().path("n").asInt())
        .toList();
  }

  private static void insert(UUID room, int from, int to) {
    MongoCollection<BsonDocument> items = STACK.writer().collection("app", "items");
    for (int n = from; n < to; n++) {
      items.insertOne(MongoWriter.document(room, "{n: " + n + "}"));
    }
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }
}
