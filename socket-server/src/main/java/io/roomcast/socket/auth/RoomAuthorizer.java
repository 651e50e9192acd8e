package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Decides which of the rooms a connection asks for it may join. The one check on every path into a
 * room ({@code RoomGate}); it may complete on another thread (the webhook's), never blocks the
 * calling event loop, and records what it learned in the connection's {@link ConnectionGrants}.
 */
public interface RoomAuthorizer {
  /**
   * @param client the connection asking
   * @param rooms canonical room names
   * @param token a token sent with the request, or null
   */
  CompletionStage<RoomDecision> authorize(SocketIOClient client, Set<String> rooms, String token);
}
