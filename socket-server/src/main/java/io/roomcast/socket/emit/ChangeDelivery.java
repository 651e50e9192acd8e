package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Collection;

/**
 * Writes prepared changes to clients: the one place that turns a {@link PreparedChange} into what
 * goes on each client's wire. Live fan-out and replays to one client both go through it.
 */
public interface ChangeDelivery {
  /**
   * Sends {@code change} to each of {@code clients}. Called by one thread at a time (the owner of
   * delivery); whatever one call sends to a client reaches it before what a later call sends. Never
   * blocks: writes happen on the clients' event loops.
   */
  void deliver(PreparedChange change, Collection<SocketIOClient> clients);
}
