package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads the writer's three numbers out of an event message in one forward pass: {@code benchStep},
 * {@code benchSeq} and {@code benchTs}, in the order the writer puts them in the document and every
 * server keeps. The scan stops after {@code benchTs}, so the padding behind it is never read. The
 * message is first copied into a scratch array (one bulk copy): reading a {@link ByteBuf} byte by
 * byte pays an index and reference-count check per byte. Owned by the load generator's event loop
 * (one instance per fleet); it holds the last message's numbers.
 */
final class EventNumbers {
  private static final byte[][] KEYS = {
    key("\"benchStep\":"), key("\"benchSeq\":"), key("\"benchTs\":")
  };
  private static final int MAX_DIGITS = 18; // every such number fits a long

  private byte[] scratch = new byte[1024];
  private final long[] values = new long[KEYS.length];

  private static byte[] key(String key) {
    return key.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads the numbers of the message in {@code buffer[index, index + length)}; false when one is
   * absent, out of order or not a number.
   */
  boolean read(ByteBuf buffer, int index, int length) {
    if (scratch.length < length) {
      scratch = new byte[length]; // grows to the largest message seen (at most MAX_MESSAGE)
    }
    buffer.getBytes(index, scratch, 0, length);
    return read(scratch, length, values);
  }

  long step() {
    return values[0];
  }

  long seq() {
    return values[1];
  }

  long ts() {
    return values[2];
  }

  /** The numbers after each key in {@code KEYS}, in order, from {@code text[0, length)}. */
  static boolean read(byte[] text, int length, long[] into) {
    int at = 0;
    for (int k = 0; k < KEYS.length; k++) {
      at = after(KEYS[k], text, at, length);
      int start = at;
      long value = 0;
      for (; at >= 0 && at < length && text[at] >= '0' && text[at] <= '9'; at++) {
        value = value * 10 + (text[at] - '0');
      }
      if (at < 0 || at == start || at - start > MAX_DIGITS) {
        return false;
      }
      into[k] = value;
    }
    return true;
  }

  /** The index just after the first {@code key} at or after {@code from}, or -1. */
  private static int after(byte[] key, byte[] text, int from, int length) {
    byte first = key[0];
    outer:
    for (int at = from; at <= length - key.length; at++) {
      if (text[at] != first) {
        continue;
      }
      for (int k = 1; k < key.length; k++) {
        if (text[at + k] != key[k]) {
          continue outer;
        }
      }
      return at + key.length;
    }
    return -1;
  }
}
