package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.roomcast.socket.deflate.PerMessageDeflate;

/**
 * The task one event loop runs for one change: writes the change's frame to each of that loop's
 * channels and flushes each. Each channel gets a retained duplicate (its own indexes, the shared
 * bytes), so the frame is freed once the last channel has sent it. A channel over its write-buffer
 * bound is still written to: limits/WritabilityGuard drops it after this task if it stays over, and
 * a client the kernel drained in between must not have missed an event. Holds one reference to each
 * frame, released when it has run. A channel that negotiated permessage-deflate gets the frame's
 * compressed form when there is one.
 */
final class FrameWrites implements Runnable {
  private final Frames plain;
  private final Channel[] plainChannels;
  private final int plainCount;
  private final Frames withOffset;
  private final Channel[] offsetChannels;
  private final int offsetCount;

  FrameWrites(
      Frames plain,
      Channel[] plainChannels,
      int plainCount,
      Frames withOffset,
      Channel[] offsetChannels,
      int offsetCount) {
    this.plain = plainCount > 0 ? plain.retain() : null;
    this.plainChannels = plainChannels;
    this.plainCount = plainCount;
    this.withOffset = offsetCount > 0 ? withOffset.retain() : null;
    this.offsetChannels = offsetChannels;
    this.offsetCount = offsetCount;
  }

  /**
   * One wire format's frame and its permessage-deflate form (null: none, everyone gets {@code
   * frame}), which the channels that negotiated deflate get.
   */
  record Frames(ByteBuf frame, ByteBuf deflated) {
    Frames retain() {
      frame.retain();
      if (deflated != null) {
        deflated.retain();
      }
      return this;
    }

    void release() {
      frame.release();
      if (deflated != null) {
        deflated.release();
      }
    }

    ByteBuf forChannel(Channel channel) {
      return deflated != null && PerMessageDeflate.negotiated(channel) ? deflated : frame;
    }
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

  private static void write(Frames frames, Channel[] channels, int count) {
    for (int i = 0; i < count; i++) {
      Channel channel = channels[i];
      if (channel.isActive()) {
        channel.writeAndFlush(
            frames.forChannel(channel).retainedDuplicate(), channel.voidPromise());
      }
    }
  }
}
