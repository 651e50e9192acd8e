package io.roomcast.socket.limits;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.MessageSizeEstimator;

/**
 * Sizes a pending write by the memory its buffer holds (capacity), not by its readable bytes as
 * Netty's default does: netty-socketio encodes each packet into a buffer that grows by doubling, so
 * a 4.2 KB frame can hold 8 KB, and the write-buffer water marks would let a stalled client keep
 * twice {@code MAX_CLIENT_BUFFER_BYTES}.
 */
final class HeldBytesEstimator implements MessageSizeEstimator, MessageSizeEstimator.Handle {
  static final HeldBytesEstimator INSTANCE = new HeldBytesEstimator();

  /** What Netty's default counts for a message that is not a buffer. */
  private static final int OTHER = 8;

  private HeldBytesEstimator() {}

  @Override
  public Handle newHandle() {
    return this;
  }

  @Override
  public int size(Object msg) {
    if (msg instanceof ByteBuf buffer) {
      return buffer.capacity();
    }
    if (msg instanceof ByteBufHolder holder) {
      return holder.content().capacity();
    }
    return OTHER;
  }
}
