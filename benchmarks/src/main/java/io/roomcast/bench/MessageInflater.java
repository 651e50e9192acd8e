package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a connection's permessage-deflate messages (RFC 7692): raw deflate, each message flushed
 * by the server with its 4-byte empty-block tail removed, which is put back here. The inflater is
 * kept across messages, so it reads a server with or without context takeover. Made when a
 * connection's first compressed message arrives; owned by its event loop.
 */
final class MessageInflater {
  private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

  private final Inflater inflater = new Inflater(true);

  /**
   * The inflated bytes of the message in {@code bytes[index, index + length)}, in a buffer the
   * caller releases.
   *
   * @throws DataFormatException when the bytes are not deflate or inflate to more than {@code max}
   */
  ByteBuf inflate(ByteBufAllocator alloc, ByteBuf bytes, int index, int length, int max)
      throws DataFormatException {
    byte[] input = new byte[length + TAIL.length];
    bytes.getBytes(index, input, 0, length);
    System.arraycopy(TAIL, 0, input, length, TAIL.length);
    inflater.setInput(input);
    ByteBuf out = alloc.heapBuffer(Math.min(max, Math.max(256, length * 4)));
    try {
      while (true) {
        if (!out.isWritable()) {
          if (out.capacity() >= max) {
            throw new DataFormatException("a message inflating to over " + max + " bytes");
          }
          out.capacity(Math.min(max, out.capacity() * 2));
        }
        int inflated =
            inflater.inflate(
                out.array(), out.arrayOffset() + out.writerIndex(), out.writableBytes());
        out.writerIndex(out.writerIndex() + inflated);
        if (inflater.finished()) {
          inflater.reset(); // a final block: the next message starts a new stream
          return out;
        }
        if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return out;
        }
      }
    } catch (DataFormatException | RuntimeException e) {
      out.release();
      throw e;
    }
  }

  /** Frees the native inflater (the connection is gone). */
  void end() {
    inflater.end();
  }
}
