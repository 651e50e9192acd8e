package io.roomcast.socket;

import com.corundumstudio.socketio.SocketIOServer;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.roomcast.socket.config.SocketServerConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Binds netty-socketio and reads back the port, which it does not expose itself. */
final class SocketIoBinding {
  private SocketIoBinding() {}

  /** Starts the server and returns the port bound; stops it again if binding fails. */
  static int bind(SocketIOServer socketIo, SocketServerConfig config) {
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
    SocketAddress address = ((ChannelFuture) bound).channel().localAddress();
    return ((InetSocketAddress) address).getPort();
  }
}
