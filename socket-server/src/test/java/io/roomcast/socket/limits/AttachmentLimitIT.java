package io.roomcast.socket.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.SocketServers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A binary packet announcing more attachments than MAX_ATTACHMENTS ends its connection. */
class AttachmentLimitIT {
  private static final String PLACEHOLDER = "{\"_placeholder\":true,\"num\":0}";

  private static EmbeddedMongo mongo;
  private static SocketServer server;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString(), Map.of("MAX_ATTACHMENTS", "2"));
  }

  @AfterAll
  static void stop() {
    server.close();
    mongo.close();
  }

  @ParameterizedTest(name = "EIO={0}, {1} attachments")
  @CsvSource({"3, 3", "4, 3", "3, 2147483647", "4, 2147483647", "3, 4294967295", "4, 4294967295"})
  void tooManyAnnouncedAttachmentsCloseTheConnection(int eio, String announced) throws Exception {
    try (CapturedLog log = CapturedLog.of(ClientDropper.class);
        RawWebSocket socket = connected(eio)) {
      socket.sendText("45" + announced + "-[\"Check\"," + PLACEHOLDER + "]");
      socket.awaitClosed();
      await()
          .atMost(JavaClient.TIMEOUT)
          .until(() -> log.lines().stream().anyMatch(line -> line.contains("MAX_ATTACHMENTS=2")));
    }
    assertServerStillServes();
  }

  @Test
  void attachmentsWithinTheLimitAreServed() throws Exception {
    try (RawWebSocket socket = connected(4)) {
      socket.sendText("452-0[\"Check\"," + PLACEHOLDER + ",{\"_placeholder\":true,\"num\":1}]");
      socket.sendFrame(2, false, new byte[] {1, 2, 3});
      socket.sendFrame(2, false, new byte[] {4, 5});
      String ack = socket.awaitText("430");
      assertTrue(ack.startsWith("430["), ack);
    }
  }

  private static RawWebSocket connected(int eio) throws Exception {
    return RawWebSocket.connected(server.port(), eio, 0);
  }

  private static void assertServerStillServes() {
    try (JavaClient client = JavaClient.connect(SocketServers.url(server), "websocket")) {
      client.awaitConnected();
      assertEquals(1, client.emitWithAck("Check", 1).asInt());
    }
  }
}
