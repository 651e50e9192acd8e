package io.roomcast.socket.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.SocketServers;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The slow-consumer policy: a client that stops reading (websocket) or polling is dropped once its
 * unsent data passes MAX_CLIENT_BUFFER_BYTES, with one INFO line naming it, while a well-behaved
 * client in the same room receives every event.
 */
class SlowConsumerIT {
  /** The default bound, so the default's margin for well-behaved clients is tested too. */
  private static final int MAX_BUFFER = SocketServerConfig.DEFAULT_MAX_CLIENT_BUFFER_BYTES;

  /** 8 MB: enough to fill the kernel's socket buffers (up to 4 MiB on Linux) and then the bound. */
  private static final int EVENTS = 2000;

  private static final int DOCUMENT_CHARS = 4 * 1024;

  private static final int BATCH = 50;

  private static EmbeddedMongo mongo;
  private static MongoWriter writer;
  private static SocketServer server;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    writer = new MongoWriter(mongo.connectionString());
    server = SocketServers.start(mongo.connectionString());
  }

  @AfterAll
  static void stop() {
    server.close();
    writer.close();
    mongo.close();
  }

  @Test
  void aWebsocketClientThatStopsReadingIsDropped() throws Exception {
    UUID room = UUID.randomUUID();
    try (CapturedLog log = CapturedLog.of(ClientDropper.class);
        JavaClient good = joined(room, "websocket");
        RawWebSocket slow = RawWebSocket.connected(server.port(), 4, 4096)) {
      slow.join(room);
      // From here on the slow client reads nothing.
      // It keeps answering pings (a pong per batch, unread pings or not): that changes nothing.
      writeChanges(room, good, () -> pong(slow));
      awaitDropLine(log, slow.sid(), "not reading");
      assertEveryChangeArrived(good);
      slow.awaitClosed(); // what the kernel still held, then the end of the connection
    }
  }

  @Test
  void aPollingClientThatStopsPollingIsDropped() throws Exception {
    UUID room = UUID.randomUUID();
    try (CapturedLog log = CapturedLog.of(ClientDropper.class);
        JavaClient good = joined(room, "polling")) {
      Eio3PollingClient slow = Eio3PollingClient.connect(SocketServers.url(server));
      slow.send("420[\"JoinRoom\",[\"" + room + "\"]]");
      slow.awaitPacket("430");
      // From here on the slow client never polls again.
      writeChanges(room, good, () -> {});
      awaitDropLine(log, slow.sid(), "not polling");
      assertEveryChangeArrived(good);
    }
  }

  private static JavaClient joined(UUID room, String transport) {
    JavaClient client = JavaClient.connect(SocketServers.url(server), transport).awaitConnected();
    assertTrue(client.join(room.toString()).path("ok").asBoolean());
    return client;
  }

  /**
   * Writes the changes in batches of {@value #BATCH}, each once the well-behaved client has the
   * previous one: a polling client fetches at most 50 packets per poll, so a writer that outpaces
   * it would (rightly) get it dropped too.
   */
  private static void writeChanges(UUID room, JavaClient good, Runnable afterBatch) {
    MongoCollection<BsonDocument> items = writer.collection("app", "items");
    for (int written = 0; written < EVENTS; written += BATCH) {
      items.insertMany(MongoWriter.filledDocuments(room, BATCH, DOCUMENT_CHARS));
      afterBatch.run();
      long expected = written + BATCH;
      await("batch at the well-behaved client")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> changesAt(good) >= expected);
    }
  }

  /** Sends an Engine.IO pong; once the server has dropped the client, there is no one to tell. */
  private static void pong(RawWebSocket socket) {
    try {
      socket.sendText("3");
    } catch (IOException e) {
      // dropped already
    }
  }

  private static long changesAt(JavaClient client) {
    return client.events().stream().filter(e -> "items".equals(e.name())).count();
  }

  private static void awaitDropLine(CapturedLog log, String sid, String reason) {
    String expected = "INFO dropped client " + sid;
    String bound = "MAX_CLIENT_BUFFER_BYTES=" + MAX_BUFFER;
    await("INFO line dropping " + sid)
        .atMost(Duration.ofSeconds(60))
        .until(
            log::lines,
            lines ->
                lines.stream()
                    .anyMatch(
                        line ->
                            line.startsWith(expected)
                                && line.contains(bound)
                                && line.contains(reason)));
    assertEquals(
        1, log.lines().stream().filter(line -> line.contains(sid)).count(), "one line per client");
  }

  private static void assertEveryChangeArrived(JavaClient good) {
    await("every change at the well-behaved client")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> good.events().stream().filter(e -> "items".equals(e.name())).count() >= EVENTS);
    long distinct =
        good.events().stream()
            .filter(e -> "items".equals(e.name()))
            .map(e -> e.meta().path("id").asText())
            .distinct()
            .count();
    assertEquals(EVENTS, distinct, "0 missing, 0 duplicated by meta.id");
    assertTrue(good.connected());
  }
}
