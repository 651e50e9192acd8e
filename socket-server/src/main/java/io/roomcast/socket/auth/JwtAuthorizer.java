package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import io.roomcast.common.auth.Grants;
import io.roomcast.common.auth.TokenRefusedException;
import io.roomcast.common.auth.TokenVerifier;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ROOM_AUTH=jwt}: rooms are allowed by the grants of the tokens the connection presented
 * (handshake, {@code Authenticate}, or the request's own token). Verification never waits on the
 * network, so this completes at once on the calling thread.
 */
public final class JwtAuthorizer implements RoomAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);

  private final TokenVerifier verifier;

  JwtAuthorizer(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public CompletionStage<RoomDecision> authorize(
      SocketIOClient client, Set<String> rooms, String token) {
    ConnectionGrants grants = ConnectionGrants.of(client);
    Instant now = Instant.now();
    if (token != null) {
      String refusal = addToken(client, grants, token);
      if (refusal != null) {
        Map<String, String> refused = new HashMap<>();
        rooms.forEach(room -> refused.put(room, refusal));
        return CompletableFuture.completedFuture(new RoomDecision(Map.of(), refused));
      }
    }
    Map<String, Instant> allowed = new HashMap<>();
    Map<String, String> refused = new HashMap<>();
    synchronized (grants) {
      for (String room : rooms) {
        Instant until = grants.grantedUntil(room, now);
        if (until == null) {
          refused.put(room, RoomDecision.NOT_AUTHORIZED);
        } else {
          allowed.put(room, until);
        }
      }
    }
    return CompletableFuture.completedFuture(new RoomDecision(allowed, refused));
  }

  /** Verifies and records a token's grants; returns the client-safe refusal, or null. */
  public String addToken(SocketIOClient client, ConnectionGrants grants, String token) {
    try {
      Grants granted = verifier.verify(token);
      synchronized (grants) {
        if (!grants.add(granted, Instant.now())) {
          return RoomDecision.TOO_MANY_GRANTS;
        }
      }
      return null;
    } catch (TokenRefusedException e) {
      LOG.debug("token refused for session {}: {}", client.getSessionId(), e.getMessage());
      return e.reason();
    }
  }
}
