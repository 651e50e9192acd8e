package io.roomcast.socket.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Past {@code SNAPSHOT_MAX_CONCURRENT} running and {@code SNAPSHOT_MAX_QUEUED} waiting snapshot
 * joins, a further one is refused at once with a clear error and nothing done (the client is not in
 * its room), while the accepted ones complete and the server keeps serving.
 */
class SnapshotLimitsIT {
  private static final int COLLECTIONS = 60;
  private static final int JOINS = 6;

  @RegisterExtension
  static final ServerWithDatabase RUNNING =
      ServerWithDatabase.perClass(
          Map.of("SNAPSHOT_MAX_CONCURRENT", "1", "SNAPSHOT_MAX_QUEUED", "1"));

  @Test
  void joinsPastTheQueueAreRefusedWithNothingDone() {
    // Many collections make each snapshot read take one find per collection: long enough that
    // joins sent together find the single slot and the single queue place taken.
    for (int i = 0; i < COLLECTIONS; i++) {
      RUNNING
          .writer()
          .collection("app", "c" + i)
          .insertOne(MongoWriter.document(UUID.randomUUID(), "{}"));
    }
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      List<UUID> rooms = new ArrayList<>();
      List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
      for (int i = 0; i < JOINS; i++) {
        UUID room = UUID.randomUUID();
        rooms.add(room);
        acks.add(client.emitWithAckAsync("JoinRoom", SnapshotJoinIT.snapshotJoin(room)));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> acks.stream().allMatch(a -> a.isDone()));
      int refused = 0;
      for (int i = 0; i < JOINS; i++) {
        JsonNode ack = acks.get(i).join();
        if (ack.path("ok").asBoolean()) {
          continue;
        }
        refused++;
        assertTrue(ack.path("error").asText().contains("too many snapshot joins"), ack.toString());
        assertEquals(
            "snapshot unavailable",
            ack.path("results").get(0).path("reason").asText(),
            ack.toString());
        SnapshotJoinIT.assertNotInRoom(client, rooms.get(i), RUNNING);
      }
      assertTrue(refused >= JOINS - 2, "one runs, one waits, the rest are refused: " + refused);
    }
  }
}
