package io.roomcast.socket.replay;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The entry point for joining rooms from a position (JoinRoom with {@code since}, a snapshot's read
 * point, a recovered Socket.IO session). The caller has already authorized the rooms (RoomGate).
 */
public final class Replays {
  private final DeliveryHub hub;

  public Replays(DeliveryHub hub) {
    this.hub = hub;
  }

  /**
   * Sends {@code client} every change of {@code rooms} committed after {@code since}, in commit
   * order, then joins it to the rooms, all on the delivery hub: the live changes that follow come
   * after the replayed ones, none missing and none twice. Replayed changes are written before the
   * returned stage completes, so an ack sent from it reaches the client after them.
   *
   * <p>Per room, the outcome is {@code recovered} with the number replayed, or {@code resync} (the
   * position is unreadable, older than MongoDB's history, or more than {@code REPLAY_MAX_EVENTS}
   * behind): the client is joined to the live changes either way. The stage fails with {@link
   * ReplayRefused} when too many catch-ups are waiting; then nothing was done.
   *
   * <p>For a snapshot read at cluster time T, pass {@link Position#afterClusterTime}(T): the client
   * gets exactly the changes after T.
   */
  public CompletionStage<Map<String, RoomOutcome>> join(
      SocketIOClient client, Set<String> rooms, Position since) {
    return hub.join(client, rooms, since);
  }
}
