package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.socket.metrics.SocketMetrics;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-to-server events: {@code JoinRoom} and {@code LeaveRoom} with an array of UUIDs, and
 * {@code Check}, echoed back. Listeners run on Netty event loops, so they only touch in-memory room
 * maps and enqueue replies.
 */
public final class RoomProtocol {
  public static final String JOIN_ROOM = "JoinRoom";
  public static final String LEAVE_ROOM = "LeaveRoom";
  public static final String CHECK = "Check";

  /** The event that carries a rejection when the client asked for no ack. */
  public static final String ERROR_EVENT = "error";

  private static final Logger LOG = LoggerFactory.getLogger(RoomProtocol.class);

  private final int maxRoomsPerClient;
  private final SocketMetrics metrics;

  private RoomProtocol(int maxRoomsPerClient, SocketMetrics metrics) {
    this.maxRoomsPerClient = maxRoomsPerClient;
    this.metrics = metrics;
  }

  /** Registers the three events on the server's default namespace. */
  public static void register(SocketIOServer server, int maxRoomsPerClient, SocketMetrics metrics) {
    RoomProtocol protocol = new RoomProtocol(maxRoomsPerClient, metrics);
    server.addEventListener(JOIN_ROOM, JsonNode.class, protocol::join);
    server.addEventListener(LEAVE_ROOM, JsonNode.class, protocol::leave);
    server.addEventListener(CHECK, JsonNode.class, RoomProtocol::check);
  }

  private void join(SocketIOClient client, JsonNode payload, AckRequest ack) {
    RoomRequest request = RoomRequest.parse(JOIN_ROOM, payload);
    if (!request.valid()) {
      metrics.refused(SocketMetrics.Refusal.INVALID_REQUEST);
      reject(
          client,
          ack,
          JOIN_ROOM,
          RoomReply.rejected(request, request.error(), RoomReply.REQUEST_REJECTED));
      return;
    }
    // Polling requests of one client may arrive on different event loops: check and join as one.
    synchronized (client) {
      Set<String> current = uuidRooms(client);
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
        reject(client, ack, JOIN_ROOM, RoomReply.rejected(request, error, "room limit"));
        return;
      }
      client.joinRooms(added);
      metrics.roomsJoined(added.size());
    }
    ack.sendAckData(RoomReply.done(request, "joined"));
  }

  private void leave(SocketIOClient client, JsonNode payload, AckRequest ack) {
    RoomRequest request = RoomRequest.parse(LEAVE_ROOM, payload);
    if (!request.valid()) {
      metrics.refused(SocketMetrics.Refusal.INVALID_REQUEST);
      reject(
          client,
          ack,
          LEAVE_ROOM,
          RoomReply.rejected(request, request.error(), RoomReply.REQUEST_REJECTED));
      return;
    }
    synchronized (client) {
      client.leaveRooms(request.rooms());
    }
    metrics.roomsLeft(request.rooms().size());
    ack.sendAckData(RoomReply.done(request, "left"));
  }

  private static void check(SocketIOClient client, JsonNode payload, AckRequest ack) {
    Object[] echo = payload == null ? new Object[0] : new Object[] {payload};
    client.sendEvent(CHECK, echo);
    ack.sendAckData(echo);
  }

  private static void reject(
      SocketIOClient client, AckRequest ack, String event, ObjectNode rejection) {
    LOG.debug(
        "{} rejected for session {}: {}",
        event,
        client.getSessionId(),
        rejection.path("error").asText());
    if (ack.isAckRequested()) {
      ack.sendAckData(rejection);
    } else {
      client.sendEvent(ERROR_EVENT, RoomReply.errorEvent(event, rejection));
    }
  }

  /** The UUID rooms the client is in; the namespace's own room (named "") is not one of them. */
  private static Set<String> uuidRooms(SocketIOClient client) {
    Set<String> rooms = new HashSet<>();
    for (String room : client.getAllRooms()) {
      if (Uuids.parse(room).isPresent()) {
        rooms.add(room);
      }
    }
    return rooms;
  }
}
