package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The generator's websocket reading, fed a server's bytes on Netty's in-memory channel. */
class WebSocketReaderTest {
  private final String key = WebSocketFrames.newKey();
  private final List<String> texts = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private EmbeddedChannel channel = new EmbeddedChannel(new Reading(false));

  /** The reader as a connection's only handler, recording what it hands on. */
  private final class Reading extends ChannelInboundHandlerAdapter
      implements WebSocketReader.Listener {
    private final WebSocketReader reader;

    Reading(boolean deflateOffered) {
      reader = new WebSocketReader(key, deflateOffered, this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      reader.read(ctx, (ByteBuf) msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      reader.release();
    }

    @Override
    public void text(ChannelHandlerContext ctx, ByteBuf buffer, int index, int length) {
      texts.add(buffer.toString(index, length, StandardCharsets.UTF_8));
    }

    @Override
    public void failed(String description) {
      failures.add(description);
    }
  }

  private void receive(byte[]... parts) {
    for (byte[] part : parts) {
      channel.writeInbound(Unpooled.wrappedBuffer(part));
    }
  }

  /**
   * A connection whose upgrade request offered permessage-deflate, answered with {@code answer}.
   */
  private void deflateNegotiated(String answer) {
    channel = new EmbeddedChannel(new Reading(true));
    channel.writeInbound(
        ServerBytes.ascii(
            ServerBytes.upgrade(key, "Sec-WebSocket-Extensions: " + answer + "\r\n")));
  }

  /** What a server sends for {@code text}: deflated, flushed, without the 4-byte tail. */
  private static byte[] deflated(Deflater deflater, String text) {
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[text.length() + 64];
    int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
    return Arrays.copyOf(out, length - 4);
  }

  private void upgraded() {
    channel.writeInbound(ServerBytes.ascii(ServerBytes.upgrade(key, "")));
  }

  @Test
  void readsTheUpgradeAndTheFramesInTheSameRead() {
    ByteBuf both = ServerBytes.ascii(ServerBytes.upgrade(key, "X-Other: 1\r\n"));
    both.writeBytes(ServerBytes.text("0{\"sid\":\"s\"}")).writeBytes(ServerBytes.text("40"));
    channel.writeInbound(both);
    assertEquals(List.of("0{\"sid\":\"s\"}", "40"), texts);
    assertEquals(List.of(), failures);
  }

  @Test
  void aFrameSplitAcrossReadsIsReadOnceWhole() {
    upgraded();
    String long16 = "42" + "x".repeat(300); // a 16-bit length
    byte[] frame = ServerBytes.text(long16);
    for (byte b : frame) {
      receive(new byte[] {b});
    }
    receive(ServerBytes.text("a"), ServerBytes.text("b"));
    assertEquals(List.of(long16, "a", "b"), texts);
  }

  @Test
  void aMessageInFragmentsIsJoined() {
    upgraded();
    receive(
        ServerBytes.frame(0x01, "42[\"be".getBytes(StandardCharsets.UTF_8)),
        ServerBytes.frame(0x00, "nch\",".getBytes(StandardCharsets.UTF_8)),
        ServerBytes.frame(0x89, new byte[] {7}), // a ping between fragments
        ServerBytes.frame(0x80, "1]".getBytes(StandardCharsets.UTF_8)),
        ServerBytes.text("next"));
    assertEquals(List.of("42[\"bench\",1]", "next"), texts);
  }

  @Test
  void aMessageInFragmentsOverTheLimitFailsTheConnection() {
    upgraded();
    byte[] half = new byte[WebSocketReader.MAX_MESSAGE / 2 + 1];
    receive(ServerBytes.frame(0x01, half), ServerBytes.frame(0x80, half));
    assertEquals(List.of("a fragmented message over 1048576 bytes"), failures);
    assertFalse(channel.isOpen());
    assertEquals(List.of(), texts);
  }

  @Test
  void answersAPingWithItsPayloadAndClosesOnAClose() {
    upgraded();
    receive(ServerBytes.frame(0x89, new byte[] {1, 2, 3}));
    int[] opcode = new int[1];
    assertArrayEquals(new byte[] {1, 2, 3}, ServerBytes.unmask(channel.readOutbound(), opcode));
    assertEquals(WebSocketFrames.PONG, opcode[0]);
    receive(ServerBytes.frame(0x88, new byte[0]));
    assertFalse(channel.isOpen());
    assertEquals(List.of(), failures);
  }

  @Test
  void aWrongAcceptOrANegotiatedExtensionFailsTheConnection() {
    channel.writeInbound(ServerBytes.ascii(ServerBytes.upgrade("other", "")));
    assertEquals(List.of("upgrade answered without the key's Sec-WebSocket-Accept"), failures);
    assertFalse(channel.isOpen());

    WebSocketReaderTest deflated = new WebSocketReaderTest();
    deflated.channel.writeInbound(
        ServerBytes.ascii(
            ServerBytes.upgrade(deflated.key, "Sec-WebSocket-Extensions: permessage-deflate\r\n")));
    assertTrue(deflated.failures.get(0).startsWith("the server negotiated an extension"));
  }

  @Test
  void compressedMessagesAreInflatedWithOrWithoutContextTakeover() {
    deflateNegotiated("permessage-deflate; client_max_window_bits=15");
    Deflater takeover = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    String event = "42[\"orders\",{\"uuid\":\"room-1\",\"total\":12.5}]";
    byte[] first = deflated(takeover, event);
    byte[] second = deflated(takeover, event); // refers back to the first message
    byte[] fresh = deflated(new Deflater(Deflater.DEFAULT_COMPRESSION, true), "42[\"b\",2]");
    int half = fresh.length / 2;
    receive(
        ServerBytes.frame(0xC1, first),
        ServerBytes.text("3"),
        ServerBytes.frame(0xC1, second),
        ServerBytes.frame(0x41, Arrays.copyOfRange(fresh, 0, half)), // RSV1 on the first only
        ServerBytes.frame(0x80, Arrays.copyOfRange(fresh, half, fresh.length)));
    assertEquals(List.of(event, "3", event, "42[\"b\",2]"), texts);
    assertEquals(List.of(), failures);
    channel.close();
  }

  @Test
  void aCompressedMessageThatDoesNotInflateOrInflatesPastTheLimitFailsTheConnection() {
    deflateNegotiated("permessage-deflate");
    receive(ServerBytes.frame(0xC1, new byte[] {(byte) 0xFF, 1, 2, 3}));
    assertTrue(
        failures.get(0).startsWith("a compressed message that does not inflate"),
        failures.toString());
    assertFalse(channel.isOpen());

    WebSocketReaderTest bomb = new WebSocketReaderTest();
    bomb.deflateNegotiated("permessage-deflate");
    String huge = "x".repeat(WebSocketReader.MAX_MESSAGE + 1);
    bomb.receive(ServerBytes.frame(0xC1, deflated(new Deflater(9, true), huge)));
    assertEquals(
        List.of(
            "a compressed message that does not inflate: a message inflating to over 1048576 bytes"),
        bomb.failures);
    assertEquals(List.of(), bomb.texts);
  }

  @Test
  void otherReservedBitsOrAnotherExtensionFailEvenWithDeflate() {
    deflateNegotiated("permessage-deflate");
    receive(ServerBytes.frame(0xA1, new byte[] {1})); // RSV2
    assertEquals(1, failures.size(), failures.toString());

    WebSocketReaderTest two = new WebSocketReaderTest();
    two.deflateNegotiated("permessage-deflate, x-other");
    assertEquals(List.of("the server negotiated an extension it was not offered"), two.failures);
  }

  @Test
  void anAnswerOtherThan101FailsTheConnection() {
    channel.writeInbound(ServerBytes.ascii("HTTP/1.1 400 Bad Request\r\n\r\n"));
    assertEquals(List.of("upgrade answered HTTP/1.1 400 Bad Request"), failures);
  }

  @Test
  void compressedMaskedOrOversizedFramesFailTheConnection() {
    for (byte[] bad :
        new byte[][] {
          ServerBytes.frame(0xC1, new byte[] {1}), // RSV1: compressed
          {(byte) 0x81, (byte) 0x81, 0, 0, 0, 0, 'x'}, // masked
          {(byte) 0x81, 127, 0, 0, 0, 0, 0, 0x20, 0, 0} // 2 MiB announced
        }) {
      WebSocketReaderTest test = new WebSocketReaderTest();
      test.upgraded();
      test.receive(bad);
      assertEquals(1, test.failures.size(), test.failures.toString());
      assertFalse(test.channel.isOpen());
      assertEquals(List.of(), test.texts);
    }
  }

  @Test
  void theAcceptValueIsTheOneOfRfc6455() {
    assertEquals(
        "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketFrames.accept("dGhlIHNhbXBsZSBub25jZQ=="));
  }

  @Test
  void theUpgradeRequestOffersDeflateOnlyWhenAsked() {
    java.net.URI uri =
        java.net.URI.create("ws://127.0.0.1:81/socket.io/?EIO=4&transport=websocket");
    String plain = WebSocketFrames.upgradeRequest(uri, key, false);
    assertTrue(plain.startsWith("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"));
    assertTrue(plain.contains("\r\nSec-WebSocket-Key: " + key + "\r\n"));
    assertTrue(plain.endsWith("\r\n\r\n"));
    assertFalse(plain.contains("permessage-deflate"));
    assertTrue(WebSocketFrames.upgradeRequest(uri, key, true).contains("permessage-deflate"));
    assertNull(channel.readOutbound());
  }
}
