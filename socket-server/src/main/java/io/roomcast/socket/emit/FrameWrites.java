package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The task one event loop runs for one change: writes the change's frame to each of that loop's
 * channels and flushes each. Each channel gets a retained duplicate (its own indexes, the shared
 * bytes), so the frame is freed once the last channel has sent it. A channel over its write-buffer
 * bound is still written to: limits/WritabilityGuard drops it after this task if it stays over, and
 * a client the kernel drained in between must not have missed an event. Holds one reference to each
 * frame, released when it has run.
 */
final class FrameWrites implements Runnable {
  private final ByteBuf plain;
  private final Channel[] plainChannels;
  private final int plainCount;
  private final ByteBuf withOffset;
  private final Channel[] offsetChannels;
  private final int offsetCount;

  FrameWrites(
      ByteBuf plain,
      Channel[] plainChannels,
      int plainCount,
      ByteBuf withOffset,
      Channel[] offsetChannels,
      int offsetCount) {
    this.plain = plainCount > 0 ? plain.retain() : null;
    this.plainChannels = plainChannels;
    this.plainCount = plainCount;
    this.withOffset = offsetCount > 0 ? withOffset.retain() : null;
    this.offsetChannels = offsetChannels;
    this.offsetCount = offsetCount;
  }

  @Override
  public void run() {
    try {
      write(plain, plainChannels, plainCount);
      write(withOffset, offsetChannels, offsetCount);
    } finally {
      if (plain != null) {
        plain.release();
      }
      if (withOffset != null) {
        withOffset.release();
      }
    }
  }

  private static void write(ByteBuf frame, Channel[] channels, int count) {
    for (int i = 0; i < count; i++) {
      Channel channel = channels[i];
      if (channel.isActive()) {
        channel.writeAndFlush(frame.retainedDuplicate(), channel.voidPromise());
      }
    }
  }
}
