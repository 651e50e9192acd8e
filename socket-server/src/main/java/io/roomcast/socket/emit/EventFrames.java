package io.roomcast.socket.emit;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A change as one complete websocket frame, built once and written as it is to every websocket
 * client of the room: the frame header (final text frame; servers never mask) and the Engine.IO
 * message {@code 4} carrying the Socket.IO event {@code 2["<event>",<body>,<meta>]}, the bytes
 * netty-socketio's own encoder produces for the default namespace (PacketEncodingTest compares
 * them). With {@code offset}, the change's id follows as a last argument: the Socket.IO
 * connection-state-recovery offset, for Engine.IO v4 clients only.
 */
final class EventFrames {
  private static final byte FINAL_TEXT = (byte) 0x81;
  private static final byte[] EVENT_START = {'4', '2', '['};
  private static final JsonStringEncoder QUOTING = JsonStringEncoder.getInstance();

  private EventFrames() {}

  /**
   * The frame, in a buffer of exactly its size (so the write-buffer bound counts what it holds).
   */
  static ByteBuf frame(PreparedChange change, boolean offset, ByteBufAllocator allocator) {
    byte[] event = QUOTING.quoteAsUTF8(change.event());
    byte[] id = offset ? QUOTING.quoteAsUTF8(change.id()) : null;
    byte[] body = utf8(change.body().rawValue());
    byte[] meta = utf8(change.meta().rawValue());
    int payload = EVENT_START.length + event.length + 3 + body.length + 1 + meta.length + 1;
    if (offset) {
      payload += id.length + 3;
    }
    int header = headerLength(payload);
    ByteBuf frame = allocator.directBuffer(header + payload, header + payload);
    writeHeader(frame, FINAL_TEXT, payload);
    frame.writeBytes(EVENT_START).writeByte('"').writeBytes(event).writeByte('"');
    frame.writeByte(',').writeBytes(body).writeByte(',').writeBytes(meta);
    if (offset) {
      frame.writeByte(',').writeByte('"').writeBytes(id).writeByte('"');
    }
    return frame.writeByte(']');
  }

  /** The header's length for a payload of {@code payload} bytes. */
  static int headerLength(int payload) {
    return payload < 126 ? 2 : payload < 65536 ? 4 : 10;
  }

  /**
   * RFC 6455 5.2: {@code first} (FIN, RSV bits and opcode), then the length in 7, 7+16 or 7+64
   * bits, no mask.
   */
  static void writeHeader(ByteBuf frame, byte first, int payload) {
    frame.writeByte(first);
    if (payload < 126) {
      frame.writeByte(payload);
    } else if (payload < 65536) {
      frame.writeByte(126).writeShort(payload);
    } else {
      frame.writeByte(127).writeLong(payload);
    }
  }

  /** The UTF-8 bytes PreparedChange computed and cached when it was encoded. */
  private static byte[] utf8(Object raw) {
    return ((SerializableString) raw).asUnquotedUTF8();
  }
}
