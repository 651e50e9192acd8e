package io.roomcast.socket.limits;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.TransportState;
import com.corundumstudio.socketio.protocol.Packet;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;

/**
 * The places where netty-socketio 2.0.14 offers no hook and its private fields are read: the
 * per-transport state of a client (to give its polling queue a byte bound, and to reach the channel
 * of its websocket so that a shared event frame can be written to it) and the attachment count a
 * binary packet announced. All fail safe: without the field, the queue stays netty-socketio's, a
 * client's websocket reads as unknown (its events then go through netty-socketio's packets) and an
 * announced count reads as unknown. {@code SocketIoInternalsTest} fails if either field moves.
 */
public final class SocketIoInternals {
  private static final Field CHANNELS = field(ClientHead.class, "channels");
  private static final Field ATTACHMENTS_COUNT = field(Packet.class, "attachmentsCount");

  private SocketIoInternals() {}

  /** Whether both fields were found: checked at startup, and pinned by a test to this version. */
  public static boolean available() {
    return CHANNELS != null && ATTACHMENTS_COUNT != null;
  }

  /**
   * Replaces the client's polling queue by {@code replacement}, moving what it held; false when the
   * field is missing.
   */
  static boolean replacePollingQueue(ClientHead client, Queue<Packet> replacement) {
    if (CHANNELS == null) {
      return false;
    }
    try {
      TransportState state =
          (TransportState) ((Map<?, ?>) CHANNELS.get(client)).get(Transport.POLLING);
      Queue<Packet> previous = state.getPacketsQueue();
      state.setPacketsQueue(replacement);
      for (Packet packet = previous.poll(); packet != null; packet = previous.poll()) {
        replacement.add(packet);
      }
      return true;
    } catch (IllegalAccessException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The channel of the client's websocket if websocket is its current transport (a direct
   * connection, or an upgrade completed), else null: polling, closed, or the field is missing.
   */
  public static Channel websocketChannel(ClientHead client) {
    if (CHANNELS == null || client.getCurrentTransport() != Transport.WEBSOCKET) {
      return null;
    }
    try {
      TransportState state =
          (TransportState) ((Map<?, ?>) CHANNELS.get(client)).get(Transport.WEBSOCKET);
      return state == null ? null : state.getChannel();
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The number of attachments the packet announced (negative when the client's digits overflowed an
   * int), or empty when it cannot be read.
   */
  static OptionalInt announcedAttachments(Packet packet) {
    if (ATTACHMENTS_COUNT == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(ATTACHMENTS_COUNT.getInt(packet));
    } catch (IllegalAccessException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
