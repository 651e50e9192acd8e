package io.roomcast.socket.recovery;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.DisconnectListener;
import com.corundumstudio.socketio.namespace.Namespace;
import io.roomcast.socket.auth.JoinedRooms;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.replay.Position;
import io.roomcast.socket.replay.RoomOutcome;
import io.roomcast.socket.shutdown.ClientCloser;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket.IO connection state recovery for v4 clients, across restarts and nodes. Each connection
 * gets a session and its signed pid in the CONNECT reply; its rooms are kept in {@link
 * SessionRooms} whenever they change. A reconnect whose CONNECT carried a valid pid of an unexpired
 * session (found by {@link RecoveringConnect}) gets the same pid back, so the client reports {@code
 * socket.recovered === true}; then its rooms are restored through the same authorization as a fresh
 * join and the changes after its offset replayed, by the {@link Restorer}.
 */
public final class Recovery implements AuthTokenListener, DisconnectListener {
  static final String RESTORE = "roomcast.recovery.restore";
  static final String SESSION = "roomcast.recovery.session";

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  /**
   * What a reconnect with a valid pid recovers: its session, offset and stored rooms; {@code
   * afterReply} runs a task once the CONNECT reply is queued (the event loop handling the CONNECT).
   */
  record Restore(RecoveryTokens.Valid pid, String offset, Set<String> rooms, Executor afterReply) {}

  /** Puts a recovered connection back in its rooms and replays what it missed. */
  public interface Restorer {
    /**
     * Authorizes {@code rooms} as a fresh join would, replays the allowed ones' changes after
     * {@code since} and joins them; completes with the outcome of each room restored.
     */
    CompletionStage<Map<String, RoomOutcome>> restore(
        SocketIOClient client, Set<String> rooms, Position since);
  }

  private final RecoveryTokens tokens;
  private final SessionRooms sessions;
  private final ConnectInternals internals;
  private final SocketMetrics metrics;
  private volatile Restorer restorer;

  Recovery(
      RecoveryTokens tokens,
      SessionRooms sessions,
      ConnectInternals internals,
      SocketMetrics metrics) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.internals = internals;
    this.metrics = metrics;
  }

  /** Registers after room authorization's handshake check, which may refuse the connection. */
  void register(SocketIOServer server, Restorer restorer) {
    this.restorer = restorer;
    server.addDisconnectListener(this);
    server.getNamespace(Namespace.DEFAULT_NAME).addAuthTokenListener(this);
  }

  /** Gives the v4 CONNECT reply its pid: the recovered session's, or a new one's. */
  @Override
  public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
    Restore restore = client.get(RESTORE);
    RecoveryTokens.Valid session = restore != null ? restore.pid() : tokens.issue();
    // The session's id only: the pid (a signed token of ~200 bytes) is not needed after the reply.
    client.set(SESSION, session.sessionId());
    internals.replyWith(client.getSessionId(), session.pid());
    if (restore != null) {
      client.del(RESTORE);
      // The reply is queued when this listener's caller returns: rooms and replay come after it.
      restore.afterReply().execute(() -> restore(client, restore));
    }
    return AuthTokenResult.AuthTokenResultSuccess;
  }

  private void restore(SocketIOClient client, Restore restore) {
    restorer
        .restore(client, restore.rooms(), Position.of(restore.offset()))
        .whenComplete(
            (outcomes, error) -> {
              if (error != null) {
                LOG.warn(
                    "recovery of session {} failed: {}", client.getSessionId(), error.toString());
                metrics.recovery(SocketMetrics.Recovery.UNAVAILABLE);
                endSession(client, restore);
                return;
              }
              int refused = restore.rooms().size() - outcomes.size();
              metrics.recoveryRoomsRefused(refused);
              if (outcomes.values().stream().anyMatch(RoomOutcome::resync)) {
                // The client believes it recovered, but its changes cannot be replayed.
                metrics.recovery(SocketMetrics.Recovery.EXPIRED);
                endSession(client, restore);
                return;
              }
              metrics.recovery(SocketMetrics.Recovery.RECOVERED);
              LOG.debug(
                  "session {} recovered {} rooms ({} refused)",
                  client.getSessionId(),
                  outcomes.size(),
                  refused);
            });
  }

  /**
   * Forgets the session, then closes the transport (not a Socket.IO disconnect, after which the
   * client would not come back): the client reconnects at once, finds no session and starts fresh
   * ({@code socket.recovered === false}), rejoining with its own logic.
   */
  private void endSession(SocketIOClient client, Restore restore) {
    client.del(SESSION);
    sessions
        .forget(restore.pid().sessionId())
        .whenComplete((done, error) -> ClientCloser.close(client));
  }

  /** The client's rooms changed (call under its grants' lock, so that calls keep their order). */
  public void roomsChanged(SocketIOClient client) {
    String session = client.get(SESSION);
    if (session != null) {
      sessions.roomsChanged(session, client.getSessionId(), JoinedRooms.of(client));
    }
  }

  @Override
  public void onDisconnect(SocketIOClient client) {
    internals.forget(client.getSessionId());
    String session = client.get(SESSION);
    if (session != null) {
      sessions.disconnected(session, client.getSessionId());
    }
  }
}
