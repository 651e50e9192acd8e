package io.roomcast.socket.limits;

import com.corundumstudio.socketio.protocol.Packet;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Arrays;
import java.util.Collection;

/**
 * What a queued packet will cost on the wire, estimated before it is encoded. Change events carry
 * pre-encoded {@link RawValue}s whose byte length is known (and cached), so the hot path costs a
 * field read per argument; replies are JSON trees, small and bounded (see RoomReply).
 */
final class PacketSizes {
  /** Packet type, ack id, brackets, quotes and Engine.IO framing. */
  static final int OVERHEAD = 32;

  /** For argument types whose size is not known (none are sent today). */
  private static final int UNKNOWN = 64;

  private PacketSizes() {}

  static long of(Packet packet) {
    long size = OVERHEAD;
    String name = packet.getName();
    if (name != null) {
      size += name.length();
    }
    Object data = packet.getData();
    return size + valueSize(data);
  }

  private static long valueSize(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof RawValue raw && raw.rawValue() instanceof SerializableString text) {
      return text.asUnquotedUTF8().length;
    }
    if (value instanceof CharSequence text) {
      return text.length() + 2L;
    }
    if (value instanceof JsonNode node) {
      return node.toString().length();
    }
    if (value instanceof Collection<?> values) {
      long size = 0;
      for (Object item : values) {
        size += valueSize(item) + 1;
      }
      return size;
    }
    if (value instanceof Object[] values) {
      return valueSize(Arrays.asList(values));
    }
    return UNKNOWN;
  }
}
