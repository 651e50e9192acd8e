package io.roomcast.socket.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.Tally;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that stops reading is dropped by the slow-consumer policy; it reads what its buffers
 * still held, comes back with {@code since} = the last change it read, and gets the rest: nothing
 * missing, nothing twice, through the same path as a network drop.
 */
class SlowConsumerReplayIT {
  /** 8 MB: enough to fill the kernel's socket buffers (up to 4 MiB on Linux) and then the bound. */
  private static final int EVENTS = 2000;

  private static final int BATCH = 50;

  @RegisterExtension static final ServerWithDatabase STACK = ServerWithDatabase.perClass(Map.of());

  @Test
  void aDroppedSlowConsumerRejoinsWithSinceAndMissesNothing() throws Exception {
    UUID room = UUID.randomUUID();
    Tally tally = new Tally();
    try (CapturedLog log = CapturedLog.of(ClientDropper.class);
        JavaClient good =
            JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected();
        RawWebSocket slow = RawWebSocket.connected(STACK.port(), 4, 4096)) {
      good.join(room.toString());
      slow.join(room);
      writeWhileTheGoodClientKeepsUp(room, good);
      await("the slow client is dropped")
          .atMost(Duration.ofSeconds(60))
          .until(() -> log.lines().stream().anyMatch(line -> line.contains(slow.sid())));
      readWhatWasBuffered(slow, tally);
    }
    assertTrue(tally.received() < EVENTS, "the slow client lost changes when dropped");
    try (JavaClient back =
        JavaClient.connect(SocketServers.url(STACK.server()), "websocket").awaitConnected()) {
      JsonNode ack = back.joinSince(room.toString(), tally.lastId());
      JsonNode result = ack.path("results").get(0);
      assertTrue(result.path("recovered").asBoolean(), result.toString());
      await("the rest of the changes")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> count(back) >= EVENTS - tally.received());
      back.events().stream()
          .filter(e -> e.name().equals("items"))
          .forEach(e -> tally.record(e.body().path("n").asInt(), e.meta().path("id").asText()));
      assertEquals(List.of(), tally.missing(0, EVENTS));
      assertEquals(0, tally.duplicates(), "changes received twice");
    }
  }

  private static void writeWhileTheGoodClientKeepsUp(UUID room, JavaClient good) {
    MongoCollection<BsonDocument> items = STACK.writer().collection("app", "items");
    String filler = "x".repeat(4096);
    for (int written = 0; written < EVENTS; written += BATCH) {
      List<BsonDocument> batch = new ArrayList<>();
      for (int n = written; n < written + BATCH; n++) {
        batch.add(
            MongoWriter.document(room, "{filler: '" + filler + "'}").append("n", new BsonInt32(n)));
      }
      items.insertMany(batch);
      long expected = written + BATCH;
      await("batch at the well-behaved client").until(() -> count(good) >= expected);
    }
  }

  /** Reads every frame until the connection ends, recording the changes it carried. */
  private static void readWhatWasBuffered(RawWebSocket slow, Tally tally) throws IOException {
    try {
      while (true) {
        RawWebSocket.Frame frame = slow.read();
        tally.recordPacket(frame.opcode() == RawWebSocket.TEXT ? frame.text() : "");
      }
    } catch (EOFException | SocketException e) {
      // the end of the dropped connection
    }
  }

  private static long count(JavaClient client) {
    return client.events().stream().filter(e -> e.name().equals("items")).count();
  }
}
