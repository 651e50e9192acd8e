package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import java.util.Collection;

/**
 * Hands each client its own packet through netty-socketio's {@link SocketIOClient#sendEvent}, which
 * queues it for the client's event loop; the arguments are pre-encoded, so each packet's encoding
 * copies their bytes. With connection state recovery on, Engine.IO v4 clients get the change's id
 * as an extra last argument: Socket.IO's recovery offset, which socket.io-client 4.6+ sends back
 * when it reconnects. v3 clients never get it.
 */
public final class PerClientDelivery implements ChangeDelivery {
  private final boolean offsets;

  /**
   * @param offsets whether v4 clients get the change's id as the last argument (recovery is on)
   */
  public PerClientDelivery(boolean offsets) {
    this.offsets = offsets;
  }

  @Override
  public void deliver(PreparedChange change, Collection<SocketIOClient> clients) {
    for (SocketIOClient client : clients) {
      if (offsets && client.getEngineIOVersion() == EngineIOVersion.V4) {
        client.sendEvent(change.event(), change.body(), change.meta(), change.id());
      } else {
        client.sendEvent(change.event(), change.body(), change.meta());
      }
    }
  }
}
