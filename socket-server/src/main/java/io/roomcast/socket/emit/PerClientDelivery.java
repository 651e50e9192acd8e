package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import java.util.Collection;

/**
 * Hands each client its own packet through netty-socketio's {@link SocketIOClient#sendEvent}, which
 * queues it (bounded for polling clients: limits/MeteredPacketQueue) for the client's event loop;
 * the arguments are pre-encoded, so each packet's encoding copies their bytes. The path of polling
 * clients; {@link SharedFrameDelivery} writes to websocket clients without a packet each.
 */
public final class PerClientDelivery implements ChangeDelivery {
  private final boolean recoveryOffset;

  /**
   * @param recoveryOffset whether Engine.IO v4 clients get the change's id as a last argument (the
   *     Socket.IO connection-state-recovery offset)
   */
  public PerClientDelivery(boolean recoveryOffset) {
    this.recoveryOffset = recoveryOffset;
  }

  @Override
  public void deliver(PreparedChange change, Collection<SocketIOClient> clients) {
    for (SocketIOClient client : clients) {
      send(client, change);
    }
  }

  void send(SocketIOClient client, PreparedChange change) {
    if (recoveryOffset && client.getEngineIOVersion() == EngineIOVersion.V4) {
      client.sendEvent(change.event(), change.body(), change.meta(), change.id());
    } else {
      client.sendEvent(change.event(), change.body(), change.meta());
    }
  }
}
