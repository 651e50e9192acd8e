package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.auth.GrantExpiry;
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
  private final RoomLimit limit;
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
    this.limit = new RoomLimit(maxRoomsPerClient, metrics);
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
              JoinReservation reservation;
              synchronized (grants) {
                restored.addAll(limit.fitting(client, grants, decision.allowedUntil().keySet()));
                reservation = new JoinReservation(client, grants, restored);
              }
              return replays
                  .join(client, restored, since)
                  .whenComplete((outcomes, error) -> reservation.end())
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
    ConnectionGrants grants = ConnectionGrants.of(client);
    synchronized (grants) {
      client.leaveRooms(rooms);
      grants.left(rooms);
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
        client,
        request,
        token,
        decision ->
            admit(
                client,
                request,
                decision,
                since == null
                    ? null
                    : reservation -> joinFrom(client, request, since, reservation)));
  }

  /**
   * Authorizes and checks the room limit like {@link #join}, without joining; when both pass, the
   * reply is {@code then}'s (a snapshot join reads, answers and joins from its position itself),
   * else the refusal, with nothing done. The rooms that passed count against the limit until {@code
   * then}'s reply is a refusal or it ends the reservation it is given.
   */
  CompletionStage<ObjectNode> checkThen(
      SocketIOClient client,
      RoomRequest request,
      String token,
      Function<JoinReservation, CompletionStage<ObjectNode>> then) {
    return authorizeThen(
        client, request, token, decision -> admit(client, request, decision, then));
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

  /**
   * Once authorized: checks the room limit and joins now, or with {@code later} reserves the rooms
   * and answers with its reply (a refusal from it, or an error, ends the reservation).
   */
  private CompletionStage<ObjectNode> admit(
      SocketIOClient client,
      RoomRequest request,
      RoomDecision decision,
      Function<JoinReservation, CompletionStage<ObjectNode>> later) {
    ObjectNode refusal = notAuthorized(request, decision);
    if (refusal != null) {
      return done(refusal);
    }
    ConnectionGrants grants = ConnectionGrants.of(client);
    JoinReservation reservation;
    // Polling requests of one client may arrive on different threads: check and join as one.
    synchronized (grants) {
      RoomLimit.Admission admission = limit.admit(client, grants, request);
      if (admission.refusal() != null) {
        return done(admission.refusal());
      }
      if (later == null) {
        client.joinRooms(admission.added());
        joined(client, grants, admission.added().size());
        return done(RoomReply.done(request, "joined"));
      }
      reservation = new JoinReservation(client, grants, admission.added());
    }
    return later
        .apply(reservation)
        .whenComplete(
            (reply, error) -> {
              if (reply != null || error != null) {
                reservation.end();
              }
            });
  }

  /** Joins from a position: the changes after it first, then live. */
  private CompletionStage<ObjectNode> joinFrom(
      SocketIOClient client, RoomRequest request, Position since, JoinReservation reservation) {
    ConnectionGrants grants = ConnectionGrants.of(client);
    return replays
        .join(client, request.rooms(), since)
        .whenComplete((outcomes, error) -> reservation.end())
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

  /** Call under the grants' lock once the client is in its new rooms. */
  private void joined(SocketIOClient client, ConnectionGrants grants, int rooms) {
    metrics.roomsJoined(rooms);
    expiry.reschedule(client, grants);
    roomsChanged.accept(client);
  }

  private static CompletionStage<ObjectNode> done(ObjectNode reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
