package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;

/**
 * The task one event loop runs for one change: writes the change's frame to each of that loop's
 * channels and flushes them, each as it is written or, when other tasks are queued on the loop, all
 * once those have run ({@link LoopFlushes}: several changes waiting on a loop leave in one write
 * per channel). Each channel gets a retained duplicate (its own indexes, the shared bytes), so the
 * frame is freed once the last channel has sent it. A channel over its write-buffer bound is still
 * written to: limits/WritabilityGuard flushes it and drops it if it stays over, and a client the
 * kernel drained in between must not have missed an event. Holds one reference to each frame,
 * released when it has run.
 */
final class FrameWrites implements Runnable {
  private final EventLoop loop;
  private final ByteBuf plain;
  private final Channel[] plainChannels;
  private final int plainCount;
  private final ByteBuf withOffset;
  private final Channel[] offsetChannels;
  private final int offsetCount;

  FrameWrites(
      EventLoop loop,
      ByteBuf plain,
      Channel[] plainChannels,
      int plainCount,
      ByteBuf withOffset,
      Channel[] offsetChannels,
      int offsetCount) {
    this.loop = loop;
    this.plain = plainCount > 0 ? plain.retain() : null;
    this.plainChannels = plainChannels;
    this.plainCount = plainCount;
    this.withOffset = offsetCount > 0 ? withOffset.retain() : null;
    this.offsetChannels = offsetChannels;
    this.offsetCount = offsetCount;
  }

  @Override
  public void run() {
    boolean defer = LoopFlushes.worthDeferring(loop);
    try {
      write(plain, plainChannels, plainCount, !defer);
      write(withOffset, offsetChannels, offsetCount, !defer);
    } finally {
      if (plain != null) {
        plain.release();
      }
      if (withOffset != null) {
        withOffset.release();
      }
    }
    if (defer) {
      LoopFlushes.later((SingleThreadIoEventLoop) loop, this);
    }
  }

  /** Sends what was written to this task's channels (and anything written to them before). */
  void flush() {
    flush(plainChannels, plainCount);
    flush(offsetChannels, offsetCount);
  }

  /**
   * Writes from the websocket frame encoder's place in the pipeline: the frame is already encoded,
   * so the handlers behind the encoder (netty-socketio's packet encoder, the guards) have nothing
   * to do with it and are skipped; whatever sits in front of it (TLS) still sees the bytes.
   */
  private static void write(ByteBuf frame, Channel[] channels, int count, boolean flush) {
    for (int i = 0; i < count; i++) {
      Channel channel = channels[i];
      if (channel.isActive()) {
        ChannelHandlerContext encoder = channel.pipeline().context(WebSocketFrameEncoder.class);
        ByteBuf copy = frame.retainedDuplicate();
        if (encoder == null) {
          channel.write(copy, channel.voidPromise());
          if (flush) {
            channel.flush();
          }
        } else if (flush) {
          encoder.writeAndFlush(copy, channel.voidPromise());
        } else {
          encoder.write(copy, channel.voidPromise());
        }
      }
    }
  }

  private static void flush(Channel[] channels, int count) {
    for (int i = 0; i < count; i++) {
      channels[i].flush();
    }
  }
}
