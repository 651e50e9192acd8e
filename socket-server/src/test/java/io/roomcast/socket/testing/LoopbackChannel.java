package io.roomcast.socket.testing;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * An in-memory channel (Netty's EmbeddedChannel, every handler run on the caller's thread) with IP
 * socket addresses, which netty-socketio's handlers read as such, for tests of its internals.
 */
public final class LoopbackChannel extends EmbeddedChannel {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 8083);

  public LoopbackChannel(ChannelHandler... handlers) {
    super(handlers);
  }

  @Override
  protected SocketAddress localAddress0() {
    return LOOPBACK;
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return LOOPBACK;
  }
}
