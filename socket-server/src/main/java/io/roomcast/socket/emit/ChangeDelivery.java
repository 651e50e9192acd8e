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

  /**
   * Runs {@code task} once everything delivered to {@code client} so far has been written, so that
   * a packet the task sends (a JoinRoom ack after a replay) follows those changes on the wire. By
   * default at once: a delivery that queues each client's packets in order needs nothing more.
   */
  default void afterWrites(SocketIOClient client, Runnable task) {
    task.run();
  }
}
