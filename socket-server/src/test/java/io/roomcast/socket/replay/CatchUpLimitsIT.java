package io.roomcast.socket.replay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The bounds of catch-up: a position older than the database's history resyncs (and still joins,
 * and the server goes on); catch-ups beyond CATCHUP_QUEUE are refused with nothing done while the
 * others are served.
 */
class CatchUpLimitsIT {
  private static final int CLIENTS = 20;

  @Test
  void aPositionOlderThanTheDatabasesHistoryResyncs() {
    UUID room = UUID.randomUUID();
    try (EmbeddedMongo mongo =
            EmbeddedMongo.start(EmbeddedMongoOptions.defaults().withHistoryEvents(20));
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer server =
            SocketServers.start(mongo.connectionString(), Map.of("REPLAY_WINDOW_EVENTS", "5"))) {
      String since = firstChangeId(server, writer, room);
      insert(writer, room, 1, 60); // the history keeps only the last 20
      try (JavaClient client = connect(server)) {
        JsonNode result = CatchUpIT.joinSince(client, room, since);
        assertTrue(result.path("resync").asBoolean(), result.toString());
        insert(writer, room, 100, 101);
        client.awaitEvent("joined to live changes", e -> e.body().path("n").asInt() == 100);
      }
    }
  }

  @Test
  void catchUpsBeyondTheQueueAreRefusedAndNothingIsDone() {
    UUID room = UUID.randomUUID();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer server =
            SocketServers.start(
                mongo.connectionString(),
                Map.of(
                    "REPLAY_WINDOW_EVENTS", "1", "CATCHUP_CURSORS", "1", "CATCHUP_QUEUE", "1"))) {
      String since = firstChangeId(server, writer, room);
      insert(writer, room, 1, 10);
      List<JavaClient> clients = new ArrayList<>();
      List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          clients.add(connect(server));
        }
        JSONObject join =
            new JSONObject(
                Map.of("rooms", new JSONArray(List.of(room.toString())), "since", since));
        clients.forEach(c -> acks.add(c.emitWithAckAsync("JoinRoom", join)));
        await("every ack").until(() -> acks.stream().allMatch(CompletableFuture::isDone));
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          JsonNode ack = acks.get(i).join();
          if (!ack.path("ok").asBoolean()) {
            assertTrue(ack.path("error").asText().contains("CATCHUP_QUEUE"), ack.toString());
            refused.add(i);
          } else {
            assertTrue(ack.path("results").get(0).path("recovered").asBoolean(), ack.toString());
          }
        }
        assertFalse(refused.isEmpty(), "with one cursor and a queue of one, some are refused");
        assertTrue(refused.size() < CLIENTS, "the others are served");
        insert(writer, room, 100, 101);
        for (int i = 0; i < CLIENTS; i++) {
          if (!refused.contains(i)) {
            clients.get(i).awaitEvent("live", e -> e.body().path("n").asInt() == 100);
          }
        }
        for (int i : refused) {
          assertTrue(
              clients.get(i).events().stream().noneMatch(e -> e.name().equals("items")),
              "a refused client got nothing and is in no room");
        }
      } finally {
        clients.forEach(JavaClient::close);
      }
    }
  }

  private static String firstChangeId(SocketServer server, MongoWriter writer, UUID room) {
    try (JavaClient first = connect(server)) {
      first.join(room.toString());
      insert(writer, room, 0, 1);
      return first.awaitEvent("change 0", e -> e.name().equals("items")).meta().path("id").asText();
    }
  }

  private static JavaClient connect(SocketServer server) {
    return JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected();
  }

  private static void insert(MongoWriter writer, UUID room, int from, int to) {
    for (int n = from; n < to; n++) {
      writer.collection("app", "items").insertOne(MongoWriter.document(room, "{n: " + n + "}"));
    }
  }
}
