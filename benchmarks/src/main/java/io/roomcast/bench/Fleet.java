package io.roomcast.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's clients: N raw Engine.IO v4 websocket connections spread round-robin over the
 * rooms, all on one event loop thread of their own (which owns their {@link Tally}). With {@code
 * deflate} every connection offers permessage-deflate, as browsers do.
 */
final class Fleet implements AutoCloseable {
  private static final int MAX_FRAME = 1 << 20;
  private static final int CONNECTING_AT_ONCE = 256;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final ChannelGroup channels = new DefaultChannelGroup(loop);
  private final Tally tally;

  private Fleet(int rooms) {
    tally = new Tally(rooms);
  }

  /** Connects and joins every client; fails unless all joined within {@code timeoutSeconds}. */
  static Fleet connect(
      int port, List<String> rooms, int clients, boolean deflate, int timeoutSeconds)
      throws Exception {
    Fleet fleet = new Fleet(rooms.size());
    URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
    CountDownLatch settled = new CountDownLatch(clients);
    Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      connecting.acquire();
      EioClient client =
          new EioClient(
              rooms.get(i % rooms.size()),
              i % rooms.size(),
              fleet.tally,
              () -> {
                connecting.release();
                settled.countDown();
              });
      fleet.bootstrap(uri, deflate, client).connect(uri.getHost(), uri.getPort());
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

  private Bootstrap bootstrap(URI uri, boolean deflate, EioClient client) {
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .allowExtensions(deflate)
            .maxFramePayloadLength(MAX_FRAME)
            .handshakeTimeoutMillis(60_000)
            .build();
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                channels.add(channel);
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192));
                if (deflate) {
                  pipeline.addLast(deflateOffer());
                }
                pipeline.addLast(
                    new WebSocketClientProtocolHandler(config),
                    new WebSocketFrameAggregator(MAX_FRAME),
                    client);
              }
            });
  }

  /**
   * permessage-deflate as browsers offer it, accepting what they accept: a server may ask the
   * client not to take over its context (RFC 7692 7.1.1.2; Roomcast's WS_COMPRESSION=shared does),
   * which Netty's default client handshaker refuses.
   */
  private static WebSocketClientExtensionHandler deflateOffer() {
    return new WebSocketClientExtensionHandler(
        new PerMessageDeflateClientExtensionHandshaker(
            6,
            ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(),
            PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
            true, // client_no_context_takeover allowed
            false,
            MAX_FRAME));
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
