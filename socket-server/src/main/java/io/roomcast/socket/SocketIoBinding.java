package io.roomcast.socket;

import com.corundumstudio.socketio.SocketIOServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.roomcast.socket.config.SocketServerConfig;

/** Binds netty-socketio and returns its listening channel, which it does not expose itself. */
final class SocketIoBinding {
  private SocketIoBinding() {}

  /**
   * Starts the server and returns the channel that accepts connections (its local address holds the
   * port bound; closing it stops accepting); stops the server again if binding fails.
   */
  static Channel bind(SocketIOServer socketIo, SocketServerConfig config) {
    Future<Void> bound = socketIo.startAsync().awaitUninterruptibly();
    if (!bound.isSuccess()) {
      socketIo.stop();
      throw new IllegalStateException(
          "cannot listen on "
              + config.socketHost()
              + ":"
              + config.socketPort()
              + " ("
              + bound.cause()
              + "); set SOCKET_HOST / SOCKET_PORT",
          bound.cause());
    }
    // netty-socketio returns the bind future of its ServerBootstrap, a ChannelFuture.
    return ((ChannelFuture) bound).channel();
  }
}
