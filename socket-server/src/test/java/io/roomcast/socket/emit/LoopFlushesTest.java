package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames written by several tasks of one loop iteration wait for one flush at the iteration's end,
 * at most {@link LoopFlushes#MAX_TASKS} tasks' worth, in the order written; a task with nothing
 * queued behind it, and a loop that runs no tasks after its iterations, flush as they write.
 */
class LoopFlushesTest {
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
  private final EventLoopGroup plain = new DefaultEventLoopGroup(1);
  private final StringBuilder log = new StringBuilder(); // the channel's loop only, then read

  @AfterEach
  void stop() {
    io.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    plain.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * A client channel on {@code group} whose pipeline logs each write ("w" and the first byte) and
   * each flush ("F") that reaches it.
   */
  private Channel connected(EventLoopGroup group, String name) {
    LocalAddress address = new LocalAddress(name);
    new ServerBootstrap()
        .group(group)
        .channel(LocalServerChannel.class)
        .childHandler(new ChannelInboundHandlerAdapter()) // frees what it reads
        .bind(address)
        .syncUninterruptibly();
    return new Bootstrap()
        .group(group)
        .channel(LocalChannel.class)
        .handler(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ByteBuf bytes = (ByteBuf) msg;
                log.append('w').append(bytes.getByte(bytes.readerIndex())).append(' ');
                ctx.write(msg, promise);
              }

              @Override
              public void flush(ChannelHandlerContext ctx) {
                log.append("F ");
                ctx.flush();
              }
            })
        .connect(address)
        .syncUninterruptibly()
        .channel();
  }

  /**
   * Runs {@code tasks} FrameWrites in one task of the channel's loop, with {@code queuedBehind}
   * other tasks waiting on the loop; the log as it ends.
   */
  private String writeInOneTask(Channel channel, int tasks, int queuedBehind) throws Exception {
    EventLoop loop = channel.eventLoop();
    return loop.submit(
            () -> {
              for (int i = 0; i < queuedBehind; i++) {
                loop.execute(() -> {});
              }
              for (int i = 0; i < tasks; i++) {
                ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {(byte) i, 0, 0, 0});
                new FrameWrites(loop, frame, new Channel[] {channel}, 1, null, null, 0).run();
                frame.release();
              }
              return log.toString();
            })
        .get(5, TimeUnit.SECONDS);
  }

  /** The log once the tasks queued for after the iteration that wrote have run. */
  private String logAfterIteration(Channel channel) throws Exception {
    CompletableFuture<String> after = new CompletableFuture<>();
    SingleThreadEventLoop loop = (SingleThreadEventLoop) channel.eventLoop();
    loop.execute(() -> loop.executeAfterEventLoopIteration(() -> after.complete(log.toString())));
    return after.get(5, TimeUnit.SECONDS);
  }

  @Test
  void framesOfOneIterationAreFlushedTogetherAtItsEnd() throws Exception {
    Channel channel = connected(io, "together");
    assertEquals(
        "w0 w1 w2 ", writeInOneTask(channel, 3, 1), "nothing flushed during the iteration");
    assertEquals("w0 w1 w2 F F F ", logAfterIteration(channel), "then once each task's channels");
  }

  @Test
  void aLongRunOfTasksIsFlushedAsItGoes() throws Exception {
    Channel channel = connected(io, "long");
    int tasks = LoopFlushes.MAX_TASKS + 1;
    StringBuilder writes = new StringBuilder();
    for (int i = 0; i < tasks; i++) {
      writes.append('w').append(i).append(' ');
    }
    String capped = writes + "F ".repeat(LoopFlushes.MAX_TASKS);
    assertEquals(capped, writeInOneTask(channel, tasks, 1), "flushed once MAX_TASKS were waiting");
    assertEquals(capped + "F ", logAfterIteration(channel), "the last task's flush still comes");
  }

  @Test
  void aTaskWithNothingQueuedBehindItFlushesAsItWrites() throws Exception {
    Channel channel = connected(io, "alone");
    assertEquals("w0 F w1 F ", writeInOneTask(channel, 2, 0));
  }

  @Test
  void aLoopWithoutTasksAfterItsIterationsFlushesAtOnce() throws Exception {
    Channel channel = connected(plain, "plain");
    assertEquals("w0 F w1 F ", writeInOneTask(channel, 2, 1));
  }
}
