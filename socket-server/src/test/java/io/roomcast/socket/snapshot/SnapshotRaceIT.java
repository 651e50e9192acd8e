package io.roomcast.socket.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshot joins racing a writer: a writer updates the room's documents at a steady rate while v4
 * (websocket, polling) and v3 clients join with a snapshot at different moments. Once the writer is
 * done, each client's view (snapshot, then every change event) must equal the database, with no
 * change twice, none that the snapshot already held, and (v4, where the order is observable) none
 * before the ack.
 */
class SnapshotRaceIT {
  private static final int DOCUMENTS = 5;
  private static final int WRITES = 400;
  private static final int CLIENTS = 6;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  @Test
  void everyClientsSnapshotPlusLaterChangesEqualsTheDatabaseWithNoneTwiceAndNoneMissing()
      throws Exception {
    UUID room = UUID.randomUUID();
    MongoCollection<BsonDocument> race = RUNNING.writer().collection("app", "race");
    for (int i = 0; i < DOCUMENTS; i++) {
      race.insertOne(MongoWriter.document(room, "{_id: 'd" + i + "', v: 0}"));
    }
    AtomicInteger written = new AtomicInteger();
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    writer.scheduleAtFixedRate(
        () -> {
          int n = written.get();
          if (n < WRITES) {
            race.updateOne(Filters.eq("_id", "d" + n % DOCUMENTS), Updates.inc("v", 1));
            written.incrementAndGet();
          }
        },
        0,
        2,
        TimeUnit.MILLISECONDS);
    List<JavaClient> v4 = new ArrayList<>();
    List<CompletableFuture<JsonNode>> v4Acks = new ArrayList<>();
    List<CompletableFuture<Integer>> eventsBeforeAck = new ArrayList<>();
    List<Eio3PollingClient> v3 = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        int at = WRITES * (c + 1) / (CLIENTS + 1);
        await().atMost(WAIT).until(() -> written.get() >= at);
        if (c % 3 == 2) {
          Eio3PollingClient client = Eio3PollingClient.connect(SocketServers.url(RUNNING.server()));
          client.send("420[\"JoinRoom\",{\"rooms\":[\"" + room + "\"],\"snapshot\":true}]");
          v3.add(client);
        } else {
          String transport = c % 3 == 0 ? "websocket" : "polling";
          JavaClient client =
              JavaClient.connect(SocketServers.url(RUNNING.server()), transport).awaitConnected();
          CompletableFuture<Integer> before = new CompletableFuture<>();
          v4Acks.add(
              client
                  .emitWithAckAsync("JoinRoom", SnapshotJoinIT.snapshotJoin(room))
                  .thenApply(ack -> countAt(ack, client, before))); // on the client's thread
          eventsBeforeAck.add(before);
          v4.add(client);
        }
      }
      await().atMost(WAIT).until(() -> written.get() >= WRITES);
      Map<String, Integer> expected = database();
      for (int i = 0; i < v4.size(); i++) {
        checkV4(v4.get(i), v4Acks.get(i).get(30, TimeUnit.SECONDS), expected);
        assertEquals(0, eventsBeforeAck.get(i).join(), "no change event before the ack");
      }
      for (Eio3PollingClient client : v3) {
        checkV3(client, expected);
      }
    } finally {
      writer.shutdownNow();
      v4.forEach(JavaClient::close);
    }
  }

  private static JsonNode countAt(JsonNode ack, JavaClient client, CompletableFuture<Integer> at) {
    at.complete(client.events().size());
    return ack;
  }

  private static void checkV4(JavaClient client, JsonNode ack, Map<String, Integer> expected) {
    assertTrue(ack.path("ok").asBoolean(), ack.toString());
    AtomicReference<RoomView> view = new AtomicReference<>();
    await("a v4 client's view equals the database")
        .atMost(Duration.ofSeconds(30))
        .until(() -> replay(ack, client, view), expected::equals);
    assertEquals(0, view.get().duplicates(), "changes received twice");
    assertEquals(0, view.get().alreadyInSnapshot(), "changes the snapshot already held");
  }

  /** A view from the ack plus every event received so far (kept in {@code last}). */
  private static Map<String, Integer> replay(
      JsonNode ack, JavaClient client, AtomicReference<RoomView> last) {
    RoomView view = new RoomView(ack);
    for (Received event : client.events()) {
      view.apply(event.body(), event.meta());
    }
    last.set(view);
    return view.values();
  }

  private static void checkV3(Eio3PollingClient client, Map<String, Integer> expected)
      throws Exception {
    JsonNode ack = Eio3PollingClient.arguments(client.awaitPacket("430")).get(0);
    assertTrue(ack.path("ok").asBoolean(), ack.toString());
    RoomView view = new RoomView(ack);
    while (!view.values().equals(expected)) { // a missing change times awaitPacket out
      JsonNode event = Eio3PollingClient.arguments(client.awaitPacket("42[\"race\""));
      view.apply(event.get(1), event.get(2));
    }
    assertEquals(0, view.duplicates(), "changes received twice (v3)");
    assertEquals(0, view.alreadyInSnapshot(), "changes the snapshot already held (v3)");
  }

  private static Map<String, Integer> database() {
    Map<String, Integer> values = new TreeMap<>();
    for (BsonDocument document : RUNNING.writer().collection("app", "race").find()) {
      values.put(document.getString("_id").getValue(), document.getInt32("v").getValue());
    }
    return values;
  }
}
