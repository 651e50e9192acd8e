package io.roomcast.socket.guard;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions netty-socketio holds, as the guard sees them: opened by a handshake, connected once
 * the client sent its Socket.IO CONNECT (an Engine.IO v3 session is connected by its handshake, as
 * in that protocol), closed when netty-socketio frees the session. This is what tells a known sid
 * from an unknown one, counts sessions for MAX_CLIENTS and finds the ones to free at
 * CONNECT_TIMEOUT. Written from every event loop, hence a concurrent map that is its only state.
 */
public final class Sessions {
  private final Map<UUID, Boolean> connectedBySid = new ConcurrentHashMap<>();

  /** Records a session just created by a handshake. */
  void opened(ClientHead client) {
    connectedBySid.put(
        client.getSessionId(), !EngineIOVersion.V4.equals(client.getEngineIOVersion()));
  }

  /** Records the session's CONNECT; a session already closed stays closed. */
  void connected(UUID sid) {
    connectedBySid.replace(sid, Boolean.TRUE);
  }

  /** Forgets a session netty-socketio has freed. Idempotent. */
  public void closed(UUID sid) {
    connectedBySid.remove(sid);
  }

  boolean isOpen(UUID sid) {
    return connectedBySid.containsKey(sid);
  }

  boolean isConnected(UUID sid) {
    return Boolean.TRUE.equals(connectedBySid.get(sid));
  }

  /** Sessions held now. */
  public int count() {
    return connectedBySid.size();
  }
}
