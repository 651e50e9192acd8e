package io.roomcast.socket.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import io.netty.buffer.PooledByteBufAllocator;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload through the shared-frame path: a room with many clients that stop reading and one that
 * reads receives far more than the bound. The event frames are shared, so what the server holds is
 * the frames the slowest client still pins: with the bound enforced that is at most about
 * MAX_CLIENT_BUFFER_BYTES, without it every frame written. Measured as the direct memory in use in
 * Netty's pooled allocator (where the frames live) after each batch: it stays within a few of the
 * allocator's chunks, while the data written is many times that; every slow client is dropped and
 * the reading client gets every change.
 */
class OverloadIT {
  private static final int MAX_BUFFER = 64 * 1024;
  private static final int SLOW_CLIENTS = 8;
  private static final int DOCUMENT_CHARS = 8 * 1024;
  private static final int BATCH = 100;
  private static final int EVENTS = 4000; // 32 MB written
  private static final long HELD_AT_MOST = 16L * 1024 * 1024;

  @RegisterExtension
  static final ServerWithDatabase FIXTURE =
      ServerWithDatabase.perClass(Map.of("MAX_CLIENT_BUFFER_BYTES", "" + MAX_BUFFER));

  @Test
  void slowClientsAreDroppedAndMemoryStaysBounded() throws Exception {
    UUID room = UUID.randomUUID();
    List<RawWebSocket> slow = new ArrayList<>();
    try (CapturedLog log = CapturedLog.of(ClientDropper.class);
        JavaClient good = JavaClient.connect(SocketServers.url(FIXTURE.server()), "websocket")) {
      assertTrue(good.awaitConnected().join(room.toString()).path("ok").asBoolean());
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        RawWebSocket socket = RawWebSocket.connected(FIXTURE.port(), 4, 4096);
        socket.join(room);
        slow.add(socket); // reads nothing from here on
      }
      long baseline = pooledDirect();
      long mostHeld = 0;
      MongoCollection<BsonDocument> items = FIXTURE.writer().collection("app", "items");
      for (int written = 0; written < EVENTS; written += BATCH) {
        items.insertMany(MongoWriter.filledDocuments(room, BATCH, DOCUMENT_CHARS));
        long expected = written + BATCH;
        await("batch at the reading client")
            .atMost(JavaClient.TIMEOUT)
            .until(() -> changesAt(good) >= expected);
        mostHeld = Math.max(mostHeld, pooledDirect() - baseline);
      }
      for (RawWebSocket socket : slow) {
        String sid = socket.sid();
        await("drop of " + sid)
            .atMost(Duration.ofSeconds(60))
            .until(() -> log.lines().stream().anyMatch(line -> line.contains(sid)));
      }
      assertTrue(mostHeld <= HELD_AT_MOST, "held " + mostHeld + " bytes of frames at most");
      assertEquals(EVENTS, changesAt(good));
      assertTrue(good.connected());
    } finally {
      for (RawWebSocket socket : slow) {
        socket.close();
      }
    }
  }

  private static long pooledDirect() {
    return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
  }

  private static long changesAt(JavaClient client) {
    return client.events().stream().filter(e -> "items".equals(e.name())).count();
  }
}
