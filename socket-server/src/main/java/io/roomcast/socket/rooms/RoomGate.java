package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.auth.GrantExpiry;
import io.roomcast.socket.auth.JoinedRooms;
import io.roomcast.socket.auth.RoomAuthorizer;
import io.roomcast.socket.auth.RoomDecision;
import io.roomcast.socket.metrics.SocketMetrics;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way into a room: authorize, then check the room limit and join, all or nothing. Any
 * future path that puts a client in a room (a replay, a rejoin) must come through here.
 */
final class RoomGate {
  private static final Logger LOG = LoggerFactory.getLogger(RoomGate.class);

  private final RoomAuthorizer authorizer;
  private final GrantExpiry expiry;
  private final int maxRoomsPerClient;
  private final SocketMetrics metrics;
  private final Consumer<SocketIOClient> roomsChanged;

  /**
   * @param roomsChanged told, under the client's grants' lock, after its rooms changed
   */
  RoomGate(
      RoomAuthorizer authorizer,
      GrantExpiry expiry,
      int maxRoomsPerClient,
      SocketMetrics metrics,
      Consumer<SocketIOClient> roomsChanged) {
    this.authorizer = authorizer;
    this.expiry = expiry;
    this.maxRoomsPerClient = maxRoomsPerClient;
    this.metrics = metrics;
    this.roomsChanged = roomsChanged;
  }

  /**
   * A recovered connection back into those of its former rooms it is still allowed (the same check
   * as a fresh join, with what its new handshake granted) and that fit its room limit; completes
   * with the rooms it is in now of those asked for.
   */
  CompletionStage<Set<String>> restore(SocketIOClient client, Set<String> rooms) {
    return authorizer
        .authorize(client, rooms, null)
        .thenApply(
            decision -> {
              ConnectionGrants grants = ConnectionGrants.of(client);
              Set<String> restored = new HashSet<>();
              synchronized (grants) {
                Set<String> current = JoinedRooms.of(client);
                for (String room : decision.allowedUntil().keySet()) {
                  if (current.contains(room) || current.size() < maxRoomsPerClient) {
                    current.add(room);
                    restored.add(room);
                  }
                }
                client.joinRooms(restored);
                metrics.roomsJoined(restored.size());
                expiry.reschedule(client, grants);
                roomsChanged.accept(client);
              }
              return restored;
            });
  }

  /** Leaves rooms; the client's recorded rooms follow. */
  void leave(SocketIOClient client, Set<String> rooms) {
    synchronized (ConnectionGrants.of(client)) {
      client.leaveRooms(rooms);
      roomsChanged.accept(client);
    }
    metrics.roomsLeft(rooms.size());
  }

  /** The reply to a valid request, once authorized (possibly on another thread). */
  CompletionStage<ObjectNode> join(SocketIOClient client, RoomRequest request, String token) {
    return authorizer
        .authorize(client, request.rooms(), token)
        .thenApply(decision -> admit(client, request, decision))
        .exceptionally(
            error -> {
              LOG.warn(
                  "room authorization failed for session {}: {}",
                  client.getSessionId(),
                  error.toString());
              metrics.refused(SocketMetrics.Refusal.AUTH_UNAVAILABLE);
              return RoomReply.rejected(
                  request, "authorization failed; nothing done", RoomDecision.AUTH_UNAVAILABLE);
            });
  }

  private ObjectNode admit(SocketIOClient client, RoomRequest request, RoomDecision decision) {
    if (!decision.allAllowed()) {
      String error =
          decision.refused().size()
              + " of "
              + request.rooms().size()
              + " rooms are not authorized; nothing done";
      metrics.refused(SocketMetrics.Refusal.NOT_AUTHORIZED);
      return RoomReply.refused(request, error, decision.refused());
    }
    ConnectionGrants grants = ConnectionGrants.of(client);
    // Polling requests of one client may arrive on different threads: check and join as one.
    synchronized (grants) {
      Set<String> current = JoinedRooms.of(client);
      Set<String> added = new HashSet<>(request.rooms());
      added.removeAll(current);
      if (current.size() + added.size() > maxRoomsPerClient) {
        String error =
            "joining "
                + added.size()
                + " more rooms would exceed MAX_ROOMS_PER_CLIENT="
                + maxRoomsPerClient
                + " (this connection is in "
                + current.size()
                + "); nothing done";
        metrics.refused(SocketMetrics.Refusal.ROOM_LIMIT);
        return RoomReply.rejected(request, error, "room limit");
      }
      client.joinRooms(added);
      metrics.roomsJoined(added.size());
      expiry.reschedule(client, grants);
      roomsChanged.accept(client);
    }
    return RoomReply.done(request, "joined");
  }
}
