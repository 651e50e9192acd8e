package io.roomcast.socket.guard;

import io.netty.buffer.ByteBuf;

/** What an Engine.IO v4 packet is, as far as the pre-CONNECT rule needs to know. */
enum PacketKind {
  /** Ping, pong, upgrade, noop or close: Engine.IO's own, allowed before the CONNECT. */
  ENGINE_CONTROL,
  /** {@code 40} or {@code 40{auth}}: CONNECT to the default namespace. */
  CONNECT,
  /** Anything else: Socket.IO packets, binary data, garbage. */
  OTHER;

  static PacketKind of(ByteBuf content, int from, int to) {
    if (to <= from) {
      return OTHER;
    }
    byte type = content.getByte(from);
    if (type == '1' || type == '2' || type == '3' || type == '5' || type == '6') {
      return ENGINE_CONTROL;
    }
    boolean connect =
        type == '4'
            && to - from >= 2
            && content.getByte(from + 1) == '0'
            && (to - from == 2 || content.getByte(from + 2) == '{');
    return connect ? CONNECT : OTHER;
  }
}
