package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.replay.Replays;
import io.roomcast.socket.replay.RoomOutcome;
import io.roomcast.socket.snapshot.Snapshot;
import io.roomcast.socket.snapshot.SnapshotQueue;
import io.roomcast.socket.snapshot.Snapshots;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code JoinRoom} with {@code "snapshot": true}. The {@link RoomGate} authorizes the rooms and
 * checks the room limit first (a refused join reads nothing); the rooms' documents are read at one
 * cluster time T ({@link Snapshots}); the ack with them and the position after T is sent; only then
 * is the client joined from that position ({@link Replays}), so every change after T reaches it
 * after the ack, once, and none at or before T.
 */
final class SnapshotJoins {
  static final String UNAVAILABLE = "snapshot unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotJoins.class);

  private final RoomGate gate;
  private final Snapshots snapshots;
  private final Replays replays;
  private final SocketMetrics metrics;

  SnapshotJoins(RoomGate gate, Snapshots snapshots, Replays replays, SocketMetrics metrics) {
    this.gate = gate;
    this.snapshots = snapshots;
    this.replays = replays;
    this.metrics = metrics;
  }

  /** The refusal to send, or null once the ack has been sent (never on the caller's thread). */
  CompletionStage<ObjectNode> join(
      SocketIOClient client, RoomRequest request, String token, AckRequest ack) {
    return gate.checkThen(
        client,
        request,
        token,
        reservation ->
            snapshots
                .read(request.rooms())
                .thenApply(snapshot -> ackThenJoin(client, request, snapshot, ack, reservation))
                .exceptionally(error -> unavailable(request, error)));
  }

  private ObjectNode ackThenJoin(
      SocketIOClient client,
      RoomRequest request,
      Snapshot snapshot,
      AckRequest ack,
      JoinReservation reservation) {
    ack.sendAckData(RoomReply.snapshot(request, snapshot)); // queued before any change below
    replays
        .join(client, request.rooms(), snapshot.position())
        .whenComplete(
            (outcomes, error) -> {
              reservation.end();
              followed(client, request, outcomes, error);
            });
    return null;
  }

  /** After the ack: joined and following, or told to join again with those rooms left. */
  private void followed(
      SocketIOClient client,
      RoomRequest request,
      Map<String, RoomOutcome> outcomes,
      Throwable error) {
    List<String> lost =
        error != null
            ? List.copyOf(request.rooms())
            : outcomes.entrySet().stream()
                .filter(outcome -> outcome.getValue().resync())
                .map(Map.Entry::getKey)
                .toList();
    gate.joinedFromPosition(client, request.rooms().size() - (error != null ? lost.size() : 0));
    if (lost.isEmpty()) {
      return;
    }
    client.leaveRooms(new HashSet<>(lost));
    LOG.info(
        "a snapshot join of session {} could not follow the changes after its snapshot ({}); "
            + "told to join again",
        client.getSessionId(),
        error != null ? error.getClass().getSimpleName() : "history lost");
    ObjectNode event =
        RoomReply.failed(
            "the changes after the snapshot could not be followed; these rooms were left: join "
                + "again");
    event.put("event", RoomProtocol.JOIN_ROOM);
    lost.forEach(event.putArray("rooms")::add);
    client.sendEvent(RoomProtocol.ERROR_EVENT, event);
  }

  private ObjectNode unavailable(RoomRequest request, Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    metrics.refused(SocketMetrics.Refusal.SNAPSHOT_UNAVAILABLE);
    if (cause instanceof SnapshotQueue.Full) {
      return RoomReply.rejected(request, cause.getMessage(), UNAVAILABLE);
    }
    LOG.warn("a snapshot read failed: {}", cause.toString());
    return RoomReply.rejected(
        request, "snapshot failed: " + cause.getMessage() + "; nothing done", UNAVAILABLE);
  }
}
