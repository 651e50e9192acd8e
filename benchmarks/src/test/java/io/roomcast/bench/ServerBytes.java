package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** What a websocket server sends a client, byte for byte, for the generator's tests. */
final class ServerBytes {
  private ServerBytes() {}

  /** A 101 answer to {@code key}, with {@code extraHeaders} (each ending in CRLF). */
  static String upgrade(String key, String extraHeaders) {
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "sec-websocket-accept: "
        + WebSocketFrames.accept(key)
        + "\r\n"
        + extraHeaders
        + "\r\n";
  }

  static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
  }

  /** An unmasked frame: {@code first} is FIN, RSV and opcode. */
  static byte[] frame(int first, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf frame = Unpooled.buffer(header + length).writeByte(first);
    if (header == 2) {
      frame.writeByte(length);
    } else if (header == 4) {
      frame.writeByte(126).writeShort(length);
    } else {
      frame.writeByte(127).writeLong(length);
    }
    return bytes(frame.writeBytes(payload));
  }

  static byte[] text(String text) {
    return frame(0x81, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload of a frame the client wrote, unmasked; its opcode in {@code opcode[0]}. */
  static byte[] unmask(ByteBuf frame, int[] opcode) {
    try {
      opcode[0] = frame.readUnsignedByte() & 0x0F;
      int second = frame.readUnsignedByte();
      if ((second & 0x80) == 0) {
        throw new AssertionError("a client frame must be masked");
      }
      int length = (second & 0x7F) == 126 ? frame.readUnsignedShort() : second & 0x7F;
      byte[] mask = new byte[4];
      frame.readBytes(mask);
      byte[] payload = new byte[length];
      for (int i = 0; i < length; i++) {
        payload[i] = (byte) (frame.readByte() ^ mask[i & 3]);
      }
      return payload;
    } finally {
      frame.release();
    }
  }

  /** Copies a buffer's readable bytes out and releases it. */
  static byte[] bytes(ByteBuf buffer) {
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes).release();
    return bytes;
  }
}
