package io.roomcast.socket.limits;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.transport.NamespaceClient;
import java.net.SocketAddress;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a client's session for exceeding a limit, with one INFO line naming it (session id, address)
 * and the reason: it leaves its rooms at once, so nothing more is queued for it, and what was
 * queued becomes garbage. Safe from any thread, as netty-socketio's own disconnect is.
 */
final class ClientDropper {
  private static final Logger LOG = LoggerFactory.getLogger(ClientDropper.class);

  private final SocketIONamespace namespace;

  ClientDropper(SocketIONamespace namespace) {
    this.namespace = namespace;
  }

  /** Drops the session {@code sessionId} if it is still connected; logs once per session. */
  void drop(UUID sessionId, SocketAddress address, String reason) {
    SocketIOClient client = sessionId == null ? null : namespace.getClient(sessionId);
    if (client instanceof NamespaceClient namespaceClient) {
      drop(namespaceClient.getBaseClient(), reason);
    } else {
      LOG.info("dropped connection {} (no session): {}", address, reason);
    }
  }

  void drop(ClientHead client, String reason) {
    if (client.isConnected()) {
      LOG.info(
          "dropped client {} at {}: {}", client.getSessionId(), client.getRemoteAddress(), reason);
      client.disconnect();
    }
  }
}
