package io.roomcast.socket.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.ServerWithDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session that opened over polling and upgraded to a websocket, on real sockets: the upgraded
 * connection, whose pipeline has shed the HTTP handlers, still joins, receives and acks, and a
 * frame over MAX_FRAME still closes it (as a plain close: see CompressionIT).
 */
class UpgradedWebsocketIT {
  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  @Test
  void anUpgradedSessionJoinsReceivesAndIsHeldToTheFrameLimit() throws Exception {
    int port = RUNNING.server().port();
    String sid = RawPolling.open(port);
    assertEquals(200, RawPolling.post(port, sid, "40").status());
    assertTrue(RawPolling.get(port, sid).body().startsWith("40{"), "connected over polling");
    try (RawWebSocket socket = RawWebSocket.upgrade(port, sid)) {
      socket.sendText("2probe");
      socket.awaitText("3probe");
      socket.sendText("5"); // upgrade: from now on the websocket carries the session
      UUID uuid = UUID.randomUUID();
      socket.join(uuid);
      RUNNING
          .writer()
          .collection("app", "items")
          .insertOne(MongoWriter.document(uuid, "{via: 'upgraded'}"));
      assertTrue(socket.awaitText("42[").contains("\"via\":\"upgraded\""));

      socket.sendHeader(RawWebSocket.TEXT, false, SocketServerConfig.DEFAULT_MAX_FRAME + 1);
      socket.awaitClosed(); // refused by the header alone; the read times out if it stays open
    }
  }
}
