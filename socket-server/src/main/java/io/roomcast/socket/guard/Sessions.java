package io.roomcast.socket.guard;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions netty-socketio holds, as the guard sees them: opened by a handshake, connected once
 * the client sent its Socket.IO CONNECT (an Engine.IO v3 session once its transport is bound: that
 * protocol connects the namespace implicitly), closed when netty-socketio frees the session. This
 * is what tells a known sid from an unknown one, counts sessions for MAX_CLIENTS and finds the ones
 * to free at CONNECT_TIMEOUT; a session's pending CONNECT deadline is cancelled as it connects or
 * closes, so that it holds the session no longer. Written from every event loop, hence a concurrent
 * map and an atomic count of handshakes in progress as its only state.
 */
public final class Sessions {
  /** TRUE once connected; before, FALSE or the session's pending CONNECT deadline. */
  private final Map<UUID, Object> stateBySid = new ConcurrentHashMap<>();

  private final AtomicInteger handshaking = new AtomicInteger();

  /**
   * Takes a place for a handshake in progress if sessions plus handshakes in progress are below
   * {@code max}; false when the server is full. A successful call's place passes to the session
   * when {@link #opened} first records it, or is given back by {@link #unreserve} when the
   * handshake created none.
   */
  boolean reserve(int max) {
    while (true) {
      int inProgress = handshaking.get(); // read before the map: the sum never undercounts
      if (inProgress + stateBySid.size() >= max) {
        return false;
      }
      if (handshaking.compareAndSet(inProgress, inProgress + 1)) {
        return true;
      }
    }
  }

  void unreserve() {
    handshaking.decrementAndGet();
  }

  /**
   * Records a session just created by a handshake. A v3 session whose transport the handshake
   * already bound (polling) is connected; one bound later (websocket) is connected by {@link
   * #transportBound}; one never bound (a failed upgrade) is freed at CONNECT_TIMEOUT.
   */
  void opened(ClientHead client) {
    boolean v3Bound = !isV4(client.getEngineIOVersion()) && !client.getNamespaces().isEmpty();
    // Called twice: as netty-socketio registers the session (before the client can know its sid)
    // and after the handshake; a CONNECT seen in between is never undone.
    Object before = stateBySid.putIfAbsent(client.getSessionId(), v3Bound);
    if (before == null) {
      // The handshake's reservation becomes this session at once, put before taken back so the
      // sum never undercounts: else a next handshake, which the client may send as soon as it
      // has the open packet, could find this session counted twice and the server full.
      handshaking.decrementAndGet();
    } else if (v3Bound) {
      connected(client.getSessionId());
    }
  }

  /**
   * Hands over the CONNECT deadline just started for a session, cancelled at once if the session
   * has connected or closed meanwhile (a polling client's CONNECT can come on another event loop).
   */
  void awaitConnect(UUID sid, Future<?> deadline) {
    if (!stateBySid.replace(sid, Boolean.FALSE, deadline)) {
      deadline.cancel(false);
    }
  }

  /**
   * netty-socketio's connect listener: it fires when a session's transport is bound to the
   * namespace, which for Engine.IO 3 is the connection (v4 waits for the client's CONNECT).
   */
  public void transportBound(SocketIOClient client) {
    if (!isV4(client.getEngineIOVersion())) {
      connected(client.getSessionId());
    }
  }

  private static boolean isV4(EngineIOVersion version) {
    return EngineIOVersion.V4.equals(version);
  }

  /** Records the session's CONNECT; a session already closed stays closed. */
  void connected(UUID sid) {
    cancel(stateBySid.replace(sid, Boolean.TRUE));
  }

  /** Forgets a session netty-socketio has freed. Idempotent. */
  public void closed(UUID sid) {
    cancel(stateBySid.remove(sid));
  }

  private static void cancel(Object state) {
    if (state instanceof Future<?> deadline) {
      deadline.cancel(false);
    }
  }

  boolean isOpen(UUID sid) {
    return stateBySid.containsKey(sid);
  }

  boolean isConnected(UUID sid) {
    return Boolean.TRUE.equals(stateBySid.get(sid));
  }

  /** Sessions held now. */
  public int count() {
    return stateBySid.size();
  }
}
