package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.capture.PreImageSettings;
import io.roomcast.embedded.snapshot.SnapshotReads;
import io.roomcast.embedded.stream.ChangeStreams;
import io.roomcast.embedded.ttl.TtlIndexes;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The TCP server: mongo-java-server's wire codec with {@link EmbeddedCommandHandler}. We bootstrap
 * Netty ourselves (rather than through {@code MongoServer}) to put our handler in the pipeline.
 */
public final class EmbeddedWireServer implements AutoCloseable {
  /** Change-stream cursors untouched this long belong to clients that went away, as in mongod. */
  private static final long CURSOR_IDLE_MINUTES = 10;

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ChannelGroup channels;
  private final Channel serverChannel;

  private EmbeddedWireServer(
      EventLoopGroup boss, EventLoopGroup workers, ChannelGroup channels, Channel server) {
    this.bossGroup = boss;
    this.workerGroup = workers;
    this.channels = channels;
    this.serverChannel = server;
  }

  /** Binds and serves; fails with an {@link IllegalStateException} when the address is taken. */
  public static EmbeddedWireServer bind(
      String host,
      int port,
      CapturingBackend backend,
      ChangeStreams streams,
      PreImageSettings preImages,
      SnapshotReads snapshots,
      TtlIndexes ttlIndexes) {
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(
            1, new MongoThreadFactory("embedded-mongo-accept-"), NioIoHandler.newFactory());
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(
            0, new MongoThreadFactory("embedded-mongo-io-"), NioIoHandler.newFactory());
    ChannelGroup channels = new DefaultChannelGroup("embedded-mongo", workers.next());
    PreImageCommands preImageCommands = new PreImageCommands(backend, preImages);
    TtlIndexCommands ttlIndexCommands = new TtlIndexCommands(backend, ttlIndexes);
    try {
      Channel server =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 128)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel.pipeline().addLast(new MongoWireReplyEncoder());
                      channel.pipeline().addLast(new MongoWireMessageEncoder());
                      channel.pipeline().addLast(new MongoWireProtocolHandler());
                      channel
                          .pipeline()
                          .addLast(
                              new EmbeddedCommandHandler(
                                  backend,
                                  channels,
                                  streams,
                                  preImageCommands,
                                  snapshots,
                                  ttlIndexCommands));
                      channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                  })
              .bind(new InetSocketAddress(host, port))
              .syncUninterruptibly()
              .channel();
      workers.scheduleAtFixedRate(
          () -> streams.closeIdle(TimeUnit.MINUTES.toNanos(CURSOR_IDLE_MINUTES)),
          1,
          1,
          TimeUnit.MINUTES);
      return new EmbeddedWireServer(boss, workers, channels, server);
    } catch (Exception e) { // Netty rethrows a BindException without declaring it
      shutdown(boss, workers);
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Closes the listening socket and every connection, then stops all threads. */
  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    channels.close().syncUninterruptibly();
    shutdown(bossGroup, workerGroup);
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    boss.terminationFuture().syncUninterruptibly();
    workers.terminationFuture().syncUninterruptibly();
  }
}
