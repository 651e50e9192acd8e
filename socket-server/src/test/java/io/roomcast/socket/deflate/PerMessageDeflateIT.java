package io.roomcast.socket.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With WS_COMPRESSION=shared: permessage-deflate is accepted without context takeover either way, a
 * client's compressed messages are read, netty-socketio's larger packets reach it compressed, and a
 * message that inflates past MAX_FRAME (in one frame, a 60 MB "bomb", or across fragments) is
 * refused with close 1009 before any of it is acted on.
 */
class PerMessageDeflateIT {
  private static final int MAX_FRAME = 65_536;

  @RegisterExtension
  static final ServerWithDatabase FIXTURE =
      ServerWithDatabase.perClass(
          Map.of(
              "WS_COMPRESSION", "shared",
              "WS_COMPRESSION_MIN_BYTES", "64",
              "MAX_FRAME", "" + MAX_FRAME));

  private static RawWebSocket offering(String offer) throws IOException {
    RawWebSocket socket =
        RawWebSocket.open(FIXTURE.port(), 4, "Sec-WebSocket-Extensions: " + offer + "\r\n", 0);
    socket.awaitFrame("0{"); // over WS_COMPRESSION_MIN_BYTES: compressed when deflate is on
    socket.sendText("40");
    socket.awaitFrame("40");
    return socket;
  }

  @Test
  void deflateIsAcceptedWithoutContextTakeoverOnBothSides() throws Exception {
    try (RawWebSocket socket = offering("permessage-deflate; client_max_window_bits")) {
      String head = socket.responseHead().toLowerCase(Locale.ROOT);
      String accepted = head.substring(head.indexOf("sec-websocket-extensions:"));
      accepted = accepted.substring(0, accepted.indexOf("\r\n"));
      assertTrue(accepted.contains("permessage-deflate"), head);
      assertTrue(accepted.contains("server_no_context_takeover"), head);
      assertTrue(accepted.contains("client_no_context_takeover"), head);
      socket.sendText("421[\"Check\",7]");
      RawWebSocket.Frame ack = socket.awaitFrame("431");
      assertFalse(ack.rsv1(), "under WS_COMPRESSION_MIN_BYTES: uncompressed");
      assertEquals("431[7]", ack.text());
    }
  }

  @Test
  void aClientAskingForASmallerServerWindowGetsNoCompression() throws Exception {
    try (RawWebSocket socket = offering("permessage-deflate; server_max_window_bits=10")) {
      assertFalse(socket.responseHead().toLowerCase(Locale.ROOT).contains("permessage-deflate"));
    }
  }

  @Test
  void compressedMessagesAreReadAndLargePacketsAnsweredCompressed() throws Exception {
    String payload = "ab".repeat(250);
    try (RawWebSocket socket = offering("permessage-deflate")) {
      byte[] check = ("421[\"Check\",\"" + payload + "\"]").getBytes(StandardCharsets.UTF_8);
      socket.sendFrame(RawWebSocket.TEXT, true, deflate(check));
      RawWebSocket.Frame ack = socket.awaitFrame("431");
      assertTrue(ack.rsv1(), "over WS_COMPRESSION_MIN_BYTES: compressed by Netty's encoder");
      assertEquals("431[\"" + payload + "\"]", ack.inflatedText());
    }
  }

  @Test
  void aBombIsRefusedWith1009AndNothingOfItActedOn() throws Exception {
    byte[] check = "421[\"Check\",\"".getBytes(StandardCharsets.UTF_8);
    byte[] inflated = Arrays.copyOf(check, 60 * 1024 * 1024);
    Arrays.fill(inflated, check.length, inflated.length - 2, (byte) 'x');
    inflated[inflated.length - 2] = '"';
    inflated[inflated.length - 1] = ']';
    byte[] bomb = deflate(inflated);
    assertTrue(bomb.length < MAX_FRAME, "the bomb passes the wire limit: " + bomb.length);
    long heapBefore = HeapAfterGc.used();
    try (RawWebSocket socket = offering("permessage-deflate")) {
      socket.sendFrame(RawWebSocket.TEXT, true, bomb);
      assertEquals(1009, closeStatusWithoutAck(socket));
    }
    long grown = HeapAfterGc.used() - heapBefore;
    assertTrue(grown < 20 * 1024 * 1024, "heap grew by " + grown + " bytes");
    assertServerStillServes();
  }

  @Test
  void fragmentsInflatingPastMaxFrameTogetherAreRefusedWith1009() throws Exception {
    String half = "y".repeat(MAX_FRAME * 3 / 4); // each fragment alone is within MAX_FRAME
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    byte[] first = flushed(deflater, ("421[\"Check\",\"" + half).getBytes(StandardCharsets.UTF_8));
    byte[] last = flushed(deflater, (half + "\"]").getBytes(StandardCharsets.UTF_8));
    deflater.end();
    try (RawWebSocket socket = offering("permessage-deflate")) {
      socket.sendFrame(false, RawWebSocket.TEXT, true, first);
      socket.sendFrame(true, 0, false, Arrays.copyOf(last, last.length - 4));
      assertEquals(1009, closeStatusWithoutAck(socket));
    }
    assertServerStillServes();
  }

  @Test
  void dataThatDoesNotInflateIsRefusedWith1007() throws Exception {
    try (RawWebSocket socket = offering("permessage-deflate")) {
      socket.sendFrame(RawWebSocket.TEXT, true, new byte[] {-1, -1, -1, -1}); // no such block type
      assertEquals(1007, closeStatusWithoutAck(socket));
    }
  }

  /** Reads until the server closes; fails if the message was acted on (acked) first. */
  private static int closeStatusWithoutAck(RawWebSocket socket) throws IOException {
    int status = -1;
    try {
      while (true) {
        RawWebSocket.Frame frame = socket.read();
        assertFalse(frame.text().startsWith("431"), "the refused message was acted on");
        status = frame.opcode() == RawWebSocket.CLOSE ? frame.closeStatus() : status;
      }
    } catch (EOFException | SocketException e) {
      return status;
    }
  }

  private static void assertServerStillServes() {
    try (JavaClient client = JavaClient.connect(SocketServers.url(FIXTURE.server()), "websocket")) {
      client.awaitConnected();
      assertEquals(1, client.emitWithAck("Check", 1).asInt());
    }
  }

  /** One whole message as a client compresses it (RFC 7692 7.2.1): flushed, tail removed. */
  private static byte[] deflate(byte[] message) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    byte[] flushed = flushed(deflater, message);
    deflater.end();
    return Arrays.copyOf(flushed, flushed.length - 4);
  }

  private static byte[] flushed(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    byte[] out = new byte[8192];
    int length = 0;
    while (true) {
      length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
      if (length < out.length) {
        return Arrays.copyOf(out, length);
      }
      out = Arrays.copyOf(out, out.length * 2);
    }
  }
}
