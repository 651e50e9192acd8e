package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With WS_COMPRESSION=shared, one change reaches the clients of a room that negotiated
 * permessage-deflate as a compressed frame that inflates to exactly the plain frame the others get,
 * in both framings (Engine.IO v3, v4 with the recovery offset); socket.io-client-java (OkHttp
 * offers deflate) reads it as it reads any event; an event under WS_COMPRESSION_MIN_BYTES goes
 * uncompressed to everyone.
 */
class CompressedEventsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFLATE = "Sec-WebSocket-Extensions: permessage-deflate\r\n";

  @RegisterExtension
  static final ServerWithDatabase FIXTURE =
      ServerWithDatabase.perClass(Map.of("WS_COMPRESSION", "shared", "MAX_FRAME", "16384"));

  @Test
  void deflateClientsGetOneCompressedFrameOthersThePlainOne() throws Exception {
    UUID room = UUID.randomUUID();
    try (RawWebSocket v4 = RawWebSocket.connected(FIXTURE.port(), 4, 0);
        RawWebSocket v3 = RawWebSocket.connected(FIXTURE.port(), 3, 0);
        RawWebSocket v4Deflate = deflating(4);
        RawWebSocket v3Deflate = deflating(3);
        JavaClient java = JavaClient.connect(SocketServers.url(FIXTURE.server()), "websocket")) {
      for (RawWebSocket socket : new RawWebSocket[] {v4, v3, v4Deflate, v3Deflate}) {
        socket.join(room);
      }
      assertTrue(java.awaitConnected().join(room.toString()).path("ok").asBoolean());

      FIXTURE
          .writer()
          .collection("app", "items")
          .insertMany(MongoWriter.filledDocuments(room, 1, 5000));

      RawWebSocket.Frame plainV4 = v4.awaitFrame("42[");
      RawWebSocket.Frame plainV3 = v3.awaitFrame("42[");
      assertFalse(plainV4.rsv1() || plainV3.rsv1(), "no deflate negotiated: plain frames");
      RawWebSocket.Frame deflatedV4 = v4Deflate.awaitFrame("42[");
      RawWebSocket.Frame deflatedV3 = v3Deflate.awaitFrame("42[");
      assertTrue(deflatedV4.rsv1() && deflatedV3.rsv1(), "deflate negotiated: compressed");
      assertTrue(deflatedV4.payload().length < plainV4.payload().length / 10, "compressed well");
      assertEquals(plainV4.text(), deflatedV4.inflatedText(), "v4, with the recovery offset");
      assertEquals(plainV3.text(), deflatedV3.inflatedText(), "v3, without it");
      JsonNode args = JSON.readTree(plainV4.text().substring(2));
      Received received = java.awaitEvent("items", e -> "items".equals(e.name()));
      assertEquals(args.get(1), received.body(), "socket.io-client-java inflates it");
      assertEquals(args.get(2), received.meta());

      FIXTURE.writer().collection("app", "items").insertOne(MongoWriter.document(room, "{n: 1}"));
      RawWebSocket.Frame small = v4.awaitFrame("42[");
      for (RawWebSocket socket : new RawWebSocket[] {v4Deflate, v3Deflate}) {
        RawWebSocket.Frame frame = socket.awaitFrame("42[");
        assertFalse(frame.rsv1(), "under WS_COMPRESSION_MIN_BYTES: " + frame.payload().length);
      }
      assertTrue(small.payload().length < 1024, "a small event: " + small.payload().length);

      v4Deflate.sendText("421[\"Check\",7]");
      assertEquals("431[7]", v4Deflate.awaitFrame("431").inflatedText(), "acks after events");
    }
  }

  private static RawWebSocket deflating(int eio) throws IOException {
    RawWebSocket socket = RawWebSocket.open(FIXTURE.port(), eio, DEFLATE, 0);
    assertTrue(socket.responseHead().contains("permessage-deflate"), socket.responseHead());
    socket.awaitText("0{");
    if (eio == 4) {
      socket.sendText("40");
    }
    socket.awaitText("40");
    return socket;
  }
}
