package io.roomcast.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ResourceLeakDetector;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's clients: N raw Engine.IO v4 websocket connections spread round-robin over the
 * rooms, all on one event loop thread of their own (which owns their {@link Tally}), epoll on
 * Linux. With {@code deflate} every connection offers permessage-deflate, as browsers do, and
 * inflates what a server that accepts it compresses ({@link WebSocketReader}).
 */
final class Fleet implements AutoCloseable {
  private static final int CONNECTING_AT_ONCE = 256;

  private static final boolean EPOLL = Epoll.isAvailable();

  static {
    // sampling 1 buffer in 128 costs a stack trace each; the generator's buffers are not under test
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
  }

  private final EventLoopGroup group;
  private final EventLoop loop;
  private final ChannelGroup channels;
  private final Tally tally;
  private final EventNumbers numbers = new EventNumbers();

  private Fleet(int rooms, int coalesceMicros) {
    IoHandlerFactory io = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    group =
        new MultiThreadIoEventLoopGroup(
            1,
            coalesceMicros > 0
                ? CoalescingIoHandler.wrap(io, TimeUnit.MICROSECONDS.toNanos(coalesceMicros))
                : io);
    loop = group.next();
    channels = new DefaultChannelGroup(loop);
    tally = new Tally(rooms);
  }

  /**
   * Connects and joins every client; fails unless all joined within {@code timeoutSeconds}. The
   * loop coalesces its wakeups by {@code --coalesce-us} ({@link CoalescingIoHandler}).
   */
  static Fleet connect(
      Options options,
      int port,
      List<String> rooms,
      int clients,
      boolean deflate,
      int timeoutSeconds)
      throws Exception {
    Fleet fleet = new Fleet(rooms.size(), options.integer("coalesce-us"));
    URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
    CountDownLatch settled = new CountDownLatch(clients);
    Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      connecting.acquire();
      String key = WebSocketFrames.newKey();
      EioClient client =
          new EioClient(
              WebSocketFrames.upgradeRequest(uri, key, deflate),
              key,
              deflate,
              rooms.get(i % rooms.size()),
              i % rooms.size(),
              fleet.tally,
              fleet.numbers,
              () -> {
                connecting.release();
                settled.countDown();
              });
      fleet.bootstrap(client).connect(uri.getHost(), uri.getPort());
    }
    if (!settled.await(timeoutSeconds, TimeUnit.SECONDS)) {
      fleet.close();
      throw new IllegalStateException(
          "clients did not all connect within " + timeoutSeconds + " s");
    }
    int joined = fleet.onLoop(fleet.tally::joinedCount);
    if (joined < clients) {
      String why = fleet.onLoop(() -> fleet.tally.finish(0).firstFailure());
      fleet.close();
      throw new IllegalStateException(
          joined + " of " + clients + " clients joined; first failure: " + why);
    }
    System.out.printf(
        "  %d clients in %d rooms joined in %.1f s%s%n",
        clients,
        rooms.size(),
        (System.nanoTime() - start) / 1e9,
        deflate ? " (permessage-deflate offered)" : "");
    return fleet;
  }

  private Bootstrap bootstrap(EioClient client) {
    return new Bootstrap()
        .group(group)
        .channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                channels.add(channel);
                channel.pipeline().addLast(client); // the whole pipeline: no codec, no decoders
              }
            });
  }

  void begin(int step) throws Exception {
    onLoop(
        () -> {
          tally.begin(step);
          return null;
        });
  }

  long receivedSoFar() throws Exception {
    return onLoop(tally::receivedSoFar);
  }

  StepCounts finish(long written) throws Exception {
    return onLoop(() -> tally.finish(written));
  }

  private <T> T onLoop(Callable<T> task) throws Exception {
    return loop.submit(task).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    loop.execute(tally::closing);
    channels.close().await(30, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
  }
}
