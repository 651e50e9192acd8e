package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.auth.JoinedRooms;
import io.roomcast.socket.metrics.SocketMetrics;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * MAX_ROOMS_PER_CLIENT: the rooms a connection is in, and those it is still joining (a join from a
 * position or a snapshot enters its rooms after its checks), never exceed it. Every method is
 * called under the connection's grants' lock, with the join or leave it checks.
 */
final class RoomLimit {
  private final int maxRoomsPerClient;
  private final SocketMetrics metrics;

  RoomLimit(int maxRoomsPerClient, SocketMetrics metrics) {
    this.maxRoomsPerClient = maxRoomsPerClient;
    this.metrics = metrics;
  }

  /** The rooms a request adds, and its refusal (null when they fit). */
  record Admission(Set<String> added, ObjectNode refusal) {}

  /**
   * Checks the request's new rooms against the limit; when they fit, those the connection left
   * while still joining them are wanted again.
   */
  Admission admit(SocketIOClient client, ConnectionGrants grants, RoomRequest request) {
    Set<String> held = heldOrJoining(client, grants);
    Set<String> added = new HashSet<>(request.rooms());
    added.removeAll(held);
    if (held.size() + added.size() > maxRoomsPerClient) {
      metrics.refused(SocketMetrics.Refusal.ROOM_LIMIT);
      String error =
          "joining "
              + added.size()
              + " more rooms would exceed MAX_ROOMS_PER_CLIENT="
              + maxRoomsPerClient
              + " (this connection is in "
              + held.size()
              + "); nothing done";
      return new Admission(added, RoomReply.rejected(request, error, "room limit"));
    }
    grants.wanted(request.rooms());
    return new Admission(added, null);
  }

  /** Those of {@code rooms}, in iteration order, that fit beside what the connection holds. */
  Set<String> fitting(SocketIOClient client, ConnectionGrants grants, Collection<String> rooms) {
    Set<String> held = heldOrJoining(client, grants);
    Set<String> fitting = new HashSet<>();
    for (String room : rooms) {
      if (held.contains(room) || held.size() < maxRoomsPerClient) {
        held.add(room);
        fitting.add(room);
      }
    }
    return fitting;
  }

  private static Set<String> heldOrJoining(SocketIOClient client, ConnectionGrants grants) {
    Set<String> rooms = JoinedRooms.of(client);
    rooms.addAll(grants.joining());
    return rooms;
  }
}
