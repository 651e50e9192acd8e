package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.SocketServers;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With WS_COMPRESSION off (the default) compression is never negotiated, so nothing a client sends
 * can inflate: a deflate "bomb" is read as the garbage it is, and every message is bounded on the
 * wire by MAX_FRAME. (Netty's 1009 close frame does not reach the client: netty-socketio's pipeline
 * has no encoder in front of the frame decoder, so the refusal shows as a plain close.)
 */
class CompressionIT {
  private static final int MAX_FRAME = 4096;
  private static final int BOMB_INFLATED = 60 * 1024 * 1024;

  private static EmbeddedMongo mongo;
  private static SocketServer server;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString(), Map.of("MAX_FRAME", "" + MAX_FRAME));
  }

  @AfterAll
  static void stop() {
    server.close();
    mongo.close();
  }

  @Test
  void permessageDeflateIsNotNegotiated() throws Exception {
    try (RawWebSocket socket =
        RawWebSocket.open(
            server.port(),
            4,
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n",
            0)) {
      String head = socket.responseHead().toLowerCase(Locale.ROOT);
      assertTrue(head.startsWith("http/1.1 101"), head);
      assertFalse(head.contains("sec-websocket-extensions"), head);
      assertTrue(socket.awaitText("0{").contains("\"sid\""));
    }
  }

  @Test
  void aCompressedFrameClosesTheConnectionWithoutInflating() throws Exception {
    byte[] bomb = deflate(new byte[BOMB_INFLATED]);
    assertTrue(bomb.length < 64 * 1024, "the bomb fits a default frame: " + bomb.length);
    long heapBefore = HeapAfterGc.used();
    try (RawWebSocket socket =
        RawWebSocket.open(
            server.port(), 4, "Sec-WebSocket-Extensions: permessage-deflate\r\n", 0)) {
      socket.awaitText("0{");
      socket.sendFrame(RawWebSocket.TEXT, true, bomb);
      // Taken as text (never inflated): not a packet, so the connection is closed.
      socket.awaitClosed();
    }
    long grown = HeapAfterGc.used() - heapBefore;
    assertTrue(grown < 20 * 1024 * 1024, "heap grew by " + grown + " bytes");
    assertServerStillServes();
  }

  @Test
  void aMessageOverMaxFrameClosesTheConnection() throws Exception {
    try (RawWebSocket socket = RawWebSocket.open(server.port(), 4, "", 0)) {
      socket.awaitText("0{");
      socket.sendHeader(RawWebSocket.TEXT, false, MAX_FRAME + 1); // refused by its header alone
      socket.awaitClosed();
    }
    try (RawWebSocket socket = RawWebSocket.open(server.port(), 4, "", 0)) {
      socket.awaitText("0{");
      socket.sendText("42[\"Check\",\"" + "x".repeat(MAX_FRAME) + "\"]");
      socket.awaitClosed();
    }
    assertServerStillServes();
  }

  @Test
  void aPollingBodyOverMaxFrameClosesTheConnectionBeforeItIsSent() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) JavaClient.TIMEOUT.toMillis());
      String head =
          "POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: text/plain\r\nContent-Length: "
              + (MAX_FRAME + 1)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      // Refused by its Content-Length alone; netty-socketio's pipeline cannot encode the 413
      // Netty's aggregator writes, so the refusal is a plain close.
      assertEquals(-1, socket.getInputStream().read());
    }
  }

  private static void assertServerStillServes() {
    try (JavaClient client = JavaClient.connect(SocketServers.url(server), "websocket")) {
      client.awaitConnected();
      assertEquals(1, client.emitWithAck("Check", 1).asInt());
    }
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    deflater.end();
    return out.toByteArray();
  }
}
