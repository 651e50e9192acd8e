package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code ROOM_AUTH=open}: every room, for ever. Local development only. */
final class OpenAuthorizer implements RoomAuthorizer {
  @Override
  public CompletionStage<RoomDecision> authorize(
      SocketIOClient client, Set<String> rooms, String token) {
    Map<String, Instant> allowed = new HashMap<>();
    rooms.forEach(room -> allowed.put(room, Instant.MAX));
    return CompletableFuture.completedFuture(new RoomDecision(allowed, Map.of()));
  }
}
