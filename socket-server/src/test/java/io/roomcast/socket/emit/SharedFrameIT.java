package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One change reaches, in the same room, an Engine.IO v3 (Socket.IO v2) and a v4 websocket client
 * through the shared frame, a client offering permessage-deflate uncompressed, a v3 polling client
 * through netty-socketio's queue and a Java socket.io-client: all with the same event bytes, and
 * acks keep working after it.
 */
class SharedFrameIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FRAME = 16 * 1024;

  @RegisterExtension
  static final ServerWithDatabase FIXTURE =
      ServerWithDatabase.perClass(Map.of("MAX_FRAME", "" + MAX_FRAME));

  @Test
  void oneChangeReachesEveryKindOfClientWithItsFraming() throws Exception {
    UUID room = UUID.randomUUID();
    try (RawWebSocket v3 = RawWebSocket.connected(FIXTURE.port(), 3, 0);
        RawWebSocket v4 = RawWebSocket.connected(FIXTURE.port(), 4, 0);
        RawWebSocket deflating = deflateOffering();
        JavaClient java = JavaClient.connect(SocketServers.url(FIXTURE.server()), "websocket")) {
      for (RawWebSocket socket : new RawWebSocket[] {v3, v4, deflating}) {
        socket.join(room);
      }
      Eio3PollingClient polling = Eio3PollingClient.connect(SocketServers.url(FIXTURE.server()));
      polling.send("420[\"JoinRoom\",[\"" + room + "\"]]");
      polling.awaitPacket("430");
      assertTrue(java.awaitConnected().join(room.toString()).path("ok").asBoolean());

      FIXTURE.writer().collection("app", "items").insertOne(MongoWriter.document(room, "{n: 1}"));

      String event = v4.awaitText("42[");
      JsonNode args = JSON.readTree(event.substring(2));
      assertEquals(4, args.size(), "event, body, meta, recovery offset: " + event);
      assertEquals("items", args.get(0).asText());
      assertEquals(room.toString(), args.get(1).path("uuid").asText());
      String offset = ",\"" + args.get(2).path("id").asText() + "\"]";
      assertTrue(event.endsWith(offset), "v4: the change's id as last argument: " + event);
      String withoutOffset = event.substring(0, event.length() - offset.length()) + "]";
      assertEquals(withoutOffset, v3.awaitText("42["), "v3 websocket: the same, no offset");
      assertEquals(event, deflating.awaitText("42["), "deflate offered: plain text all the same");
      assertEquals(withoutOffset, polling.awaitPacket("42["), "v3 polling: netty-socketio's");
      Received received = java.awaitEvent("items", e -> "items".equals(e.name()));
      assertEquals(args.get(1), received.body());
      assertEquals(args.get(2), received.meta());

      v4.sendText("421[\"Check\",7]");
      assertEquals("431[7]", v4.awaitText("431"));
      v3.sendText("422[\"Check\",8]");
      assertEquals("432[8]", v3.awaitText("432"));
      assertEquals(7, java.emitWithAck("Check", 7).asInt());
    }
  }

  /**
   * netty-socketio splits an event longer than MAX_FRAME into 8 KB continuation frames; the shared
   * frame is one frame whatever its size, so a whole event in one frame shows which path sent it.
   */
  @Test
  void aWebsocketClientGetsTheSharedFrameNotNettySocketIosPacket() throws Exception {
    UUID room = UUID.randomUUID();
    try (RawWebSocket v4 = RawWebSocket.connected(FIXTURE.port(), 4, 0)) {
      v4.join(room);
      FIXTURE
          .writer()
          .collection("app", "items")
          .insertMany(MongoWriter.filledDocuments(room, 1, 2 * MAX_FRAME));
      RawWebSocket.Frame frame = v4.read();
      while (!frame.text().startsWith("42[")) {
        frame = v4.read();
      }
      assertEquals(RawWebSocket.TEXT, frame.opcode());
      assertTrue(frame.payload().length > 2 * MAX_FRAME, "one frame: " + frame.payload().length);
      assertEquals(
          room.toString(), JSON.readTree(frame.text().substring(2)).get(1).path("uuid").asText());
    }
  }

  private static RawWebSocket deflateOffering() throws Exception {
    RawWebSocket socket =
        RawWebSocket.open(
            FIXTURE.port(),
            4,
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n",
            0);
    assertFalse(socket.responseHead().toLowerCase(Locale.ROOT).contains("permessage-deflate"));
    socket.awaitText("0{");
    socket.sendText("40");
    socket.awaitText("40");
    return socket;
  }
}
