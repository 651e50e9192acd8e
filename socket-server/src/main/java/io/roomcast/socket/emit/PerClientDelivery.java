package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Collection;

/**
 * Hands each client its own packet through netty-socketio's {@link SocketIOClient#sendEvent}, which
 * queues it for the client's event loop; the arguments are pre-encoded, so each packet's encoding
 * copies their bytes.
 */
public final class PerClientDelivery implements ChangeDelivery {
  @Override
  public void deliver(PreparedChange change, Collection<SocketIOClient> clients) {
    for (SocketIOClient client : clients) {
      client.sendEvent(change.event(), change.body(), change.meta());
    }
  }
}
