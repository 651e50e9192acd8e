package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.auth.GrantExpiry;
import io.roomcast.socket.auth.JoinedRooms;
import io.roomcast.socket.auth.RoomAuthorizer;
import io.roomcast.socket.auth.RoomDecision;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.replay.Position;
import io.roomcast.socket.replay.ReplayRefused;
import io.roomcast.socket.replay.Replays;
import io.roomcast.socket.replay.RoomOutcome;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way into a room: authorize, then check the room limit and join, all or nothing. A join
 * with a position ({@code since}) passes the same checks and is then joined by {@link Replays},
 * after the changes the client missed. Any future path that puts a client in a room must come
 * through here.
 */
final class RoomGate {
  private static final Logger LOG = LoggerFactory.getLogger(RoomGate.class);

  private final RoomAuthorizer authorizer;
  private final GrantExpiry expiry;
  private final int maxRoomsPerClient;
  private final Replays replays;
  private final SocketMetrics metrics;
  private final Consumer<SocketIOClient> roomsChanged;

  /**
   * @param roomsChanged told, under the client's grants' lock, after its rooms changed
   */
  RoomGate(
      RoomAuthorizer authorizer,
      GrantExpiry expiry,
      int maxRoomsPerClient,
      Replays replays,
      SocketMetrics metrics,
      Consumer<SocketIOClient> roomsChanged) {
    this.authorizer = authorizer;
    this.expiry = expiry;
    this.maxRoomsPerClient = maxRoomsPerClient;
    this.replays = replays;
    this.metrics = metrics;
    this.roomsChanged = roomsChanged;
  }

  /**
   * A recovered connection back into those of its former rooms it is still allowed (the same check
   * as a fresh join, with what its new handshake granted) and that fit its room limit, with their
   * changes after {@code since} replayed first; completes with the outcome of each room restored.
   */
  CompletionStage<Map<String, RoomOutcome>> restore(
      SocketIOClient client, Set<String> rooms, Position since) {
    return authorizer
        .authorize(client, rooms, null)
        .thenCompose(
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
              }
              return replays
                  .join(client, restored, since)
                  .thenApply(
                      outcomes -> {
                        synchronized (grants) {
                          joined(client, grants, restored.size());
                        }
                        return outcomes;
                      });
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

  /**
   * The reply to a valid request, once authorized (possibly on another thread); with {@code since}
   * (else null) the client is joined after the changes it missed.
   */
  CompletionStage<ObjectNode> join(
      SocketIOClient client, RoomRequest request, String token, Position since) {
    return authorizeThen(
        client, request, token, decision -> admit(client, request, decision, since));
  }

  /**
   * Authorizes and checks the room limit like {@link #join}, without joining; when both pass, the
   * reply is {@code then}'s (a snapshot join reads, answers and joins from its position itself),
   * else the refusal, with nothing done.
   */
  CompletionStage<ObjectNode> checkThen(
      SocketIOClient client,
      RoomRequest request,
      String token,
      Supplier<CompletionStage<ObjectNode>> then) {
    return authorizeThen(
        client,
        request,
        token,
        decision -> {
          ObjectNode refusal = notAuthorized(request, decision);
          if (refusal == null) {
            synchronized (ConnectionGrants.of(client)) {
              Set<String> added = new HashSet<>(request.rooms());
              added.removeAll(JoinedRooms.of(client));
              ObjectNode overLimit = overLimit(client, added.size());
              refusal = overLimit == null ? null : roomLimit(request, overLimit);
            }
          }
          return refusal != null ? done(refusal) : then.get();
        });
  }

  /** Counts rooms a client was joined to from a position outside {@link #join}. */
  void joinedFromPosition(SocketIOClient client, int rooms) {
    ConnectionGrants grants = ConnectionGrants.of(client);
    synchronized (grants) {
      joined(client, grants, rooms);
    }
  }

  private CompletionStage<ObjectNode> authorizeThen(
      SocketIOClient client,
      RoomRequest request,
      String token,
      Function<RoomDecision, CompletionStage<ObjectNode>> then) {
    return authorizer
        .authorize(client, request.rooms(), token)
        .thenCompose(then)
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

  private CompletionStage<ObjectNode> admit(
      SocketIOClient client, RoomRequest request, RoomDecision decision, Position since) {
    ObjectNode refusal = notAuthorized(request, decision);
    if (refusal != null) {
      return done(refusal);
    }
    ConnectionGrants grants = ConnectionGrants.of(client);
    // Polling requests of one client may arrive on different threads: check and join as one.
    synchronized (grants) {
      Set<String> added = new HashSet<>(request.rooms());
      added.removeAll(JoinedRooms.of(client));
      ObjectNode overLimit = overLimit(client, added.size());
      if (overLimit != null) {
        return done(roomLimit(request, overLimit));
      }
      if (since == null) {
        client.joinRooms(added);
        joined(client, grants, added.size());
        return done(RoomReply.done(request, "joined"));
      }
    }
    return replays
        .join(client, request.rooms(), since)
        .thenApply(
            outcomes -> {
              synchronized (grants) {
                joined(client, grants, request.rooms().size());
              }
              return RoomReply.joined(request, outcomes);
            })
        .exceptionally(error -> refusedReplay(request, error));
  }

  private ObjectNode refusedReplay(RoomRequest request, Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    String why =
        cause instanceof ReplayRefused ? cause.getMessage() : "replay failed; nothing done";
    LOG.debug("JoinRoom with since refused: {}", why);
    return RoomReply.rejected(request, why, "replay refused");
  }

  /** The refusal of rooms the decision does not allow, or null when all are allowed. */
  private ObjectNode notAuthorized(RoomRequest request, RoomDecision decision) {
    if (decision.allAllowed()) {
      return null;
    }
    String error =
        decision.refused().size()
            + " of "
            + request.rooms().size()
            + " rooms are not authorized; nothing done";
    metrics.refused(SocketMetrics.Refusal.NOT_AUTHORIZED);
    return RoomReply.refused(request, error, decision.refused());
  }

  private static ObjectNode roomLimit(RoomRequest request, ObjectNode overLimit) {
    return RoomReply.rejected(request, overLimit.path("error").asText(), "room limit");
  }

  /** Call under the grants' lock once the client is in its new rooms. */
  private void joined(SocketIOClient client, ConnectionGrants grants, int rooms) {
    metrics.roomsJoined(rooms);
    expiry.reschedule(client, grants);
    roomsChanged.accept(client);
  }

  /** The room limit's refusal, or null when {@code added} more rooms fit. */
  private ObjectNode overLimit(SocketIOClient client, int added) {
    int current = JoinedRooms.of(client).size();
    if (current + added <= maxRoomsPerClient) {
      return null;
    }
    metrics.refused(SocketMetrics.Refusal.ROOM_LIMIT);
    return RoomReply.failed(
        "joining "
            + added
            + " more rooms would exceed MAX_ROOMS_PER_CLIENT="
            + maxRoomsPerClient
            + " (this connection is in "
            + current
            + "); nothing done");
  }

  private static CompletionStage<ObjectNode> done(ObjectNode reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
