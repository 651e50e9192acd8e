package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * The shared frame carries byte for byte what netty-socketio's encoder writes into a websocket
 * frame for the same event, for Engine.IO v3 and v4 clients, with and without the recovery offset,
 * under a header of the right length form (7, 16 and 64 bits).
 */
class EventFramesTest {
  private final PacketEncoder encoder =
      new PacketEncoder(new Configuration(), new JacksonJsonSupport());

  private static PreparedChange change(String title, String collection) {
    BsonDocument event = ChangeEvents.load("replace");
    event.getDocument("fullDocument").put("title", new BsonString(title));
    return new ChangeEncoder("uuid").encode(event, collection, UUID.fromString(ChangeEvents.UUID));
  }

  private byte[] netty(EngineIOVersion version, PreparedChange change, boolean offset)
      throws Exception {
    Packet packet = new Packet(PacketType.MESSAGE, version);
    packet.setSubType(PacketType.EVENT);
    packet.setName(change.event());
    List<Object> args = new ArrayList<>(List.of(change.body(), change.meta()));
    if (offset) {
      args.add(change.id());
    }
    packet.setData(args);
    ByteBuf out = Unpooled.buffer();
    encoder.encodePacket(packet, out, ByteBufAllocator.DEFAULT, true);
    return bytes(out);
  }

  private static byte[] bytes(ByteBuf buffer) {
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    buffer.release();
    return bytes;
  }

  /** Checks the header against the payload's length and returns the payload. */
  private static byte[] payloadOf(ByteBuf frame) {
    assertEquals(frame.capacity(), frame.readableBytes(), "a buffer of exactly the frame's size");
    assertEquals(0x81, frame.readUnsignedByte(), "final text frame");
    int length = frame.readUnsignedByte();
    long announced =
        length == 126 ? frame.readUnsignedShort() : length == 127 ? frame.readLong() : length;
    assertEquals(frame.readableBytes(), announced, "announced length");
    return bytes(frame);
  }

  private void assertSameAsNetty(PreparedChange change) throws Exception {
    byte[] plain = payloadOf(EventFrames.frame(change, false, ByteBufAllocator.DEFAULT));
    byte[] withOffset = payloadOf(EventFrames.frame(change, true, ByteBufAllocator.DEFAULT));
    assertEquals(text(netty(EngineIOVersion.V3, change, false)), text(plain));
    assertEquals(text(netty(EngineIOVersion.V4, change, false)), text(plain));
    assertEquals(text(netty(EngineIOVersion.V4, change, true)), text(withOffset));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aSmallFrameMatchesNettySocketIo() throws Exception {
    assertSameAsNetty(change("short", "test"));
  }

  @Test
  void aMediumFrameUsesTheSixteenBitLength() throws Exception {
    assertSameAsNetty(change("m".repeat(2000), "test"));
  }

  @Test
  void aLargeFrameUsesTheSixtyFourBitLength() throws Exception {
    assertSameAsNetty(change("L".repeat(70_000), "test"));
  }

  @Test
  void nonAsciiTextAndQuotesInNamesAreEscapedAsJacksonDoes() throws Exception {
    assertSameAsNetty(change("Grüße, 世界 \"quoted\" \\ \u0001", "na\"me\\ü"));
  }

  @Test
  void theOffsetIsTheChangesIdAsLastArgument() {
    PreparedChange change = change("x", "test");
    String text = text(payloadOf(EventFrames.frame(change, true, ByteBufAllocator.DEFAULT)));
    assertEquals(
        "42[\"test\"," + change.bodyJson() + "," + change.metaJson() + ",\"" + change.id() + "\"]",
        text);
  }
}
