package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.RoomAuth;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.replay.Position;
import io.roomcast.socket.replay.Replays;
import io.roomcast.socket.replay.RoomOutcome;
import io.roomcast.socket.snapshot.Snapshots;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-to-server events: {@code JoinRoom} (an array of UUIDs, or {@code {"rooms": [...],
 * "token": "...", "since": "<id>"}}, see {@link JoinPayload}) through the {@link RoomGate}, {@code
 * LeaveRoom} with an array of UUIDs, {@code Authenticate} with {@code {"token": "..."}}, and {@code
 * Check}, echoed back. Listeners run on Netty event loops, so they only touch in-memory maps and
 * enqueue replies; a join that waits for the webhook is answered from the webhook's callback.
 */
public final class RoomProtocol {
  public static final String JOIN_ROOM = "JoinRoom";
  public static final String LEAVE_ROOM = "LeaveRoom";
  public static final String CHECK = "Check";
  public static final String AUTHENTICATE = "Authenticate";

  /** The event that carries a rejection when the client asked for no ack. */
  public static final String ERROR_EVENT = "error";

  /** The largest Check payload echoed (as JSON text): its echo goes out twice. */
  static final int MAX_CHECK_CHARS = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RoomProtocol.class);

  private final RoomGate gate;
  private final SnapshotJoins snapshots;
  private final TokenEvents tokens;
  private final SocketMetrics metrics;
  private final RoomAuth auth;

  private RoomProtocol(
      RoomGate gate,
      SnapshotJoins snapshots,
      TokenEvents tokens,
      SocketMetrics metrics,
      RoomAuth auth) {
    this.gate = gate;
    this.snapshots = snapshots;
    this.tokens = tokens;
    this.metrics = metrics;
    this.auth = auth;
  }

  /**
   * Registers the events on the server's default namespace; joins go through {@code auth}, joins
   * with a position through {@code replays}, joins with a snapshot read through {@code snapshots}.
   *
   * @param roomsChanged told after a client's rooms changed (connection state recovery keeps them)
   */
  public static RoomProtocol register(
      SocketIOServer server,
      int maxRoomsPerClient,
      RoomAuth auth,
      Replays replays,
      Snapshots snapshots,
      SocketMetrics metrics,
      Consumer<SocketIOClient> roomsChanged) {
    RoomGate gate =
        new RoomGate(
            auth.authorizer(), auth.expiry(), maxRoomsPerClient, replays, metrics, roomsChanged);
    RoomProtocol protocol =
        new RoomProtocol(
            gate,
            new SnapshotJoins(gate, snapshots, replays, metrics),
            new TokenEvents(auth),
            metrics,
            auth);
    server.addEventListener(JOIN_ROOM, JsonNode.class, protocol::join);
    server.addEventListener(LEAVE_ROOM, JsonNode.class, protocol::leave);
    server.addEventListener(
        AUTHENTICATE,
        JsonNode.class,
        (client, payload, ack) -> {
          auth.admit(client);
          protocol.tokens.authenticate(client, payload, ack);
        });
    server.addEventListener(CHECK, JsonNode.class, RoomProtocol::check);
    return protocol;
  }

  /**
   * Puts a recovered connection back into the rooms it had that it may still join, after replaying
   * their changes after {@code since}; completes with the outcome of each room restored.
   */
  public CompletionStage<Map<String, RoomOutcome>> restore(
      SocketIOClient client, Set<String> rooms, Position since) {
    auth.admit(client);
    return gate.restore(client, rooms, since);
  }

  private void join(SocketIOClient client, JsonNode payload, AckRequest ack) {
    auth.admit(client);
    JoinPayload join = JoinPayload.parse(payload);
    RoomRequest request = RoomRequest.parse(JOIN_ROOM, join.rooms());
    String error = join.valid() ? request.error() : join.error();
    if (error != null) {
      metrics.refused(SocketMetrics.Refusal.INVALID_REQUEST);
      reject(
          client, ack, JOIN_ROOM, RoomReply.rejected(request, error, RoomReply.REQUEST_REJECTED));
      return;
    }
    CompletionStage<ObjectNode> answer =
        join.snapshot()
            ? snapshots.join(client, request, join.token(), ack)
            : gate.join(client, request, join.token(), join.since());
    answer.thenAccept(
        reply -> {
          if (reply == null) {
            return; // a snapshot join sent its ack itself, before joining
          }
          if (reply.path("ok").asBoolean()) {
            ack.sendAckData(reply);
          } else {
            reject(client, ack, JOIN_ROOM, reply);
          }
        });
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
    gate.leave(client, request.rooms());
    ack.sendAckData(RoomReply.done(request, "left"));
  }

  private static void check(SocketIOClient client, JsonNode payload, AckRequest ack) {
    int size = payload == null ? 0 : payload.toString().length();
    if (size > MAX_CHECK_CHARS) {
      String error =
          "Check payload of " + size + " characters exceeds " + MAX_CHECK_CHARS + "; not echoed";
      reject(client, ack, CHECK, RoomReply.failed(error));
      return;
    }
    Object[] echo = payload == null ? new Object[0] : new Object[] {payload};
    client.sendEvent(CHECK, echo);
    ack.sendAckData(echo);
  }

  static void reject(SocketIOClient client, AckRequest ack, String event, ObjectNode rejection) {
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
}
