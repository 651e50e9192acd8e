package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.SocketIOClient;
import io.roomcast.socket.auth.ConnectionGrants;
import java.util.Set;

/**
 * Rooms a join passed the room limit with and will enter later (after a replay or a snapshot read):
 * they count as the connection's until {@link #end}, which the join calls once it is in them or has
 * given up; rooms the connection left meanwhile are left then. Idempotent; called from whichever
 * thread completes the join.
 */
final class JoinReservation {
  private final SocketIOClient client;
  private final ConnectionGrants grants;
  private final Set<String> rooms;
  private boolean ended;

  /** Call under the grants' lock, after the limit check that counted {@code rooms}. */
  JoinReservation(SocketIOClient client, ConnectionGrants grants, Set<String> rooms) {
    this.client = client;
    this.grants = grants;
    this.rooms = Set.copyOf(rooms);
    grants.joiningStarted(this.rooms);
  }

  /**
   * The rooms no longer count as joining: they are joined now, or never will be by this join. Call
   * before telling anyone the connection's rooms changed.
   */
  void end() {
    synchronized (grants) {
      if (!ended) {
        ended = true;
        Set<String> leftMeanwhile = grants.joiningEnded(rooms);
        if (!leftMeanwhile.isEmpty()) {
          client.leaveRooms(leftMeanwhile);
        }
      }
    }
  }
}
