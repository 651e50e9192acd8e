package io.roomcast.socket.auth;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ConnectListener;
import com.corundumstudio.socketio.listener.DisconnectListener;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handshake in {@code jwt} mode: a connection without a valid token is refused with the
 * protocol's own error, {@code {"message":"unauthorized","data":{"reason":...}}} (v4 {@code
 * CONNECT_ERROR}, v2/v3 an error packet), then closed. v4 clients are checked when their CONNECT
 * arrives ({@link ConnectAuthRequired} makes sure the check runs without an auth payload too);
 * v2/v3 clients, which are connected at their Engine.IO handshake, are checked then. In every mode
 * it attaches the connection's {@link ConnectionGrants} and drops its expiry check at the end.
 */
final class HandshakeGuard implements AuthTokenListener, ConnectListener, DisconnectListener {
  static final String UNAUTHORIZED = "unauthorized";

  /** Long enough for a polling client to fetch the error before the session goes away. */
  private static final Duration REFUSED_GRACE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeGuard.class);

  private final JwtAuthorizer jwt;
  private final HandshakeTokens tokens;
  private final GrantExpiry expiry;
  private final int maxGrantedRooms;

  /**
   * @param jwt the verifying authorizer in {@code jwt} mode; null when the handshake is open
   */
  HandshakeGuard(JwtAuthorizer jwt, HandshakeTokens tokens, GrantExpiry expiry, int maxRooms) {
    this.jwt = jwt;
    this.tokens = tokens;
    this.expiry = expiry;
    this.maxGrantedRooms = maxRooms;
  }

  @Override
  public void onConnect(SocketIOClient client) {
    prepare(client);
  }

  /**
   * Attaches the connection's grants and, for v2/v3 clients, checks the handshake's token; once per
   * connection, whichever comes first: the connect listener or the client's first event.
   */
  void prepare(SocketIOClient client) {
    // v4 clients pass here twice (Engine.IO handshake, then CONNECT): attach once.
    synchronized (client) {
      prepareOnce(client);
    }
  }

  private void prepareOnce(SocketIOClient client) {
    if (client.get(ConnectionGrants.KEY) == null) {
      ConnectionGrants.attach(client, maxGrantedRooms);
      if (jwt != null && client.getEngineIOVersion() != EngineIOVersion.V4) {
        String refusal = check(client, null);
        if (refusal != null) {
          Packet error = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
          error.setSubType(PacketType.ERROR);
          error.setData(refusal(refusal));
          client.send(error);
          expiry.disconnectSoon(client, REFUSED_GRACE);
        }
      }
    }
  }

  @Override
  public AuthTokenResult getAuthTokenResult(Object authPayload, SocketIOClient client) {
    // Handed to each listener; netty-socketio also keeps it in the handshake data for the
    // connection's lifetime, where nothing reads it (a token, or recovery's pid and offset).
    client.getHandshakeData().setAuthToken(null);
    if (jwt == null) {
      return AuthTokenResult.AuthTokenResultSuccess;
    }
    String refusal = check(client, authPayload);
    if (refusal == null) {
      return AuthTokenResult.AuthTokenResultSuccess;
    }
    expiry.disconnectSoon(client, REFUSED_GRACE);
    return new AuthTokenResult(false, refusal(refusal));
  }

  /** Verifies the handshake's token into the connection's grants; the refusal reason or null. */
  private String check(SocketIOClient client, Object authPayload) {
    String token = tokens.find(authPayload, client.getHandshakeData());
    String refusal =
        token == null
            ? io.roomcast.common.auth.TokenRefusedException.NO_TOKEN
            : jwt.addToken(client, ConnectionGrants.of(client), token);
    if (refusal != null) {
      LOG.debug("handshake refused for session {}: {}", client.getSessionId(), refusal);
    }
    return refusal;
  }

  private static Map<String, Object> refusal(String reason) {
    return Map.of("message", UNAUTHORIZED, "data", Map.of("reason", reason));
  }

  @Override
  public void onDisconnect(SocketIOClient client) {
    ConnectionGrants grants = ConnectionGrants.of(client);
    synchronized (grants) {
      expiry.cancel(grants);
    }
  }
}
