package io.roomcast.socket.guard;

import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.EventLoop;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Frees a session whose Socket.IO CONNECT has not come within CONNECT_TIMEOUT (socket.io's {@code
 * connectTimeout}), so that handshakes nobody follows up hold no memory for long.
 */
final class ConnectDeadline {
  private final Sessions sessions;
  private final int timeoutMillis;
  private final DisconnectableHub hub;

  /**
   * @param hub what frees a session in netty-socketio (its channel initializer)
   */
  ConnectDeadline(Sessions sessions, int timeoutMillis, DisconnectableHub hub) {
    this.sessions = sessions;
    this.timeoutMillis = timeoutMillis;
    this.hub = hub;
  }

  /** Starts the deadline of a session just opened, on the event loop of its handshake. */
  void start(EventLoop loop, ClientHead client) {
    sessions.awaitConnect(
        client.getSessionId(),
        loop.schedule(() -> freeIfNotConnected(client), timeoutMillis, TimeUnit.MILLISECONDS));
  }

  private void freeIfNotConnected(ClientHead client) {
    UUID sid = client.getSessionId();
    if (!sessions.isOpen(sid) || sessions.isConnected(sid)) {
      return;
    }
    ProtocolErrorLog.shared()
        .warn(client.getRemoteAddress(), "no CONNECT within CONNECT_TIMEOUT, session freed");
    client.disconnect();
    if (sessions.isOpen(sid)) {
      // A session no namespace was ever bound to is not freed by netty-socketio's disconnect.
      hub.onDisconnect(client);
    }
  }
}
