package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.roomcast.socket.testing.RawWebSocket;
import java.util.Random;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * A compressed event frame is one final text frame with RSV1 set, its length announced in the right
 * form, whose payload inflates (as a client does: plus the flush tail) to exactly the plain frame's
 * text, for both wire formats; frames under the threshold, or that do not shrink, have no
 * compressed form.
 */
class CompressedFramesTest {
  private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

  private final CompressedFrames frames = new CompressedFrames(1024, ALLOCATOR);

  private static PreparedChange change(String title) {
    BsonDocument event = ChangeEvents.load("replace");
    event.getDocument("fullDocument").put("title", new BsonString(title));
    return new ChangeEncoder("uuid").encode(event, "items", UUID.fromString(ChangeEvents.UUID));
  }

  /** The frame as a client reads it: header checked, payload as received. */
  private static RawWebSocket.Frame read(ByteBuf frame, int expectedFirstByte) {
    try {
      assertEquals(frame.capacity(), frame.readableBytes(), "a buffer of exactly the frame's size");
      assertEquals(expectedFirstByte, frame.readUnsignedByte());
      int length = frame.readUnsignedByte();
      long announced =
          length == 126 ? frame.readUnsignedShort() : length == 127 ? frame.readLong() : length;
      assertEquals(frame.readableBytes(), announced, "announced length");
      byte[] payload = new byte[frame.readableBytes()];
      frame.readBytes(payload);
      return new RawWebSocket.Frame(RawWebSocket.TEXT, expectedFirstByte == 0xC1, payload);
    } finally {
      frame.release();
    }
  }

  private void assertInflatesToThePlainFrame(PreparedChange change, boolean offset) {
    ByteBuf plain = EventFrames.frame(change, offset, ALLOCATOR);
    ByteBuf compressed = frames.compress(plain);
    String text = read(plain, 0x81).text();
    RawWebSocket.Frame received = read(compressed, 0xC1);
    assertTrue(received.payload().length < text.length() / 2, "compressed well: " + text.length());
    assertEquals(text, received.inflatedText());
  }

  @Test
  void aFrameOverTheThresholdInflatesToThePlainFrameInBothFormats() {
    PreparedChange change = change("abc ".repeat(500)); // about 2 KB: a 16-bit length
    assertInflatesToThePlainFrame(change, false);
    assertInflatesToThePlainFrame(change, true);
  }

  @Test
  void aLargeFrameKeepsItsSixtyFourBitLengthWhenItStillNeedsOne() {
    Random random = new Random(7);
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      title.append((char) ('a' + random.nextInt(4))); // 2 bits per char: 75 KB compressed
    }
    PreparedChange change = change(title.toString());
    ByteBuf compressed = frames.compress(EventFrames.frame(change, true, ALLOCATOR));
    assertEquals(127, compressed.getUnsignedByte(1), "a 64-bit length");
    ByteBuf plain = EventFrames.frame(change, true, ALLOCATOR);
    assertEquals(read(plain, 0x81).text(), read(compressed, 0xC1).inflatedText());
  }

  @Test
  void aFrameUnderTheThresholdHasNoCompressedForm() {
    ByteBuf plain = EventFrames.frame(change("short"), true, ALLOCATOR);
    try {
      assertTrue(plain.readableBytes() < 1024, "under the threshold: " + plain.readableBytes());
      assertNull(frames.compress(plain));
    } finally {
      plain.release();
    }
  }

  @Test
  void aFrameThatDoesNotShrinkHasNoCompressedForm() {
    CompressedFrames everything = new CompressedFrames(0, ALLOCATOR);
    byte[] noise = new byte[2000];
    new Random(1).nextBytes(noise);
    for (byte[] payload : new byte[][] {noise, {'4', '2'}}) {
      ByteBuf frame = ALLOCATOR.directBuffer();
      EventFrames.writeHeader(frame, (byte) 0x81, payload.length);
      frame.writeBytes(payload);
      try {
        assertNull(everything.compress(frame), payload.length + " bytes");
      } finally {
        frame.release();
      }
    }
    assertNull(everything.compress(null), "no frame of that format");
  }
}
