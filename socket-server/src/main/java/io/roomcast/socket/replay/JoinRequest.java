package io.roomcast.socket.replay;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One join with a position, on its way: the client, its rooms, the position it has seen up to, and
 * the answer to complete. Immutable; it passes from the hub to a catch-up cursor and back.
 */
record JoinRequest(
    SocketIOClient client,
    Set<String> rooms,
    Position since,
    long startedNanos,
    int catchUps,
    CompletableFuture<Map<String, RoomOutcome>> answer) {

  JoinRequest(SocketIOClient client, Set<String> rooms, Position since) {
    this(
        client,
        Collections.unmodifiableSet(new LinkedHashSet<>(rooms)),
        since,
        System.nanoTime(),
        0,
        new CompletableFuture<>());
  }

  /** The same request, for one more catch-up. */
  JoinRequest again() {
    return new JoinRequest(client, rooms, since, startedNanos, catchUps + 1, answer);
  }

  /** Whether the request has waited longer than {@code nanos}. */
  boolean olderThan(long nanos, long now) {
    return now - startedNanos > nanos;
  }
}
