package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import io.roomcast.common.auth.TokenVerifier;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room authorization as configured by {@code ROOM_AUTH}: the authorizer every join goes through,
 * the handshake check, the expiry of grants, and what they own (verifier, webhook client, timer).
 */
public final class RoomAuth implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoomAuth.class);

  private final RoomAuthSettings settings;
  private final RoomAuthorizer authorizer;
  private final JwtAuthorizer jwt;
  private final TokenVerifier verifier;
  private final ExecutorService webhookThreads;
  private final GrantExpiry expiry;
  private final HandshakeGuard guard;

  private RoomAuth(RoomAuthSettings settings) {
    this.settings = settings;
    this.expiry = GrantExpiry.start(settings.mode() != RoomAuthMode.OPEN);
    switch (settings.mode()) {
      case JWT -> {
        verifier = TokenVerifier.create(settings.jwt());
        jwt = new JwtAuthorizer(verifier);
        authorizer = jwt;
        webhookThreads = null;
      }
      case WEBHOOK -> {
        verifier = null;
        jwt = null;
        webhookThreads =
            Executors.newFixedThreadPool(
                2,
                task -> {
                  Thread thread = new Thread(task, "room-webhook");
                  thread.setDaemon(true);
                  return thread;
                });
        HttpClient http =
            HttpClient.newBuilder()
                .connectTimeout(settings.webhookTimeout())
                .executor(webhookThreads)
                .build();
        authorizer = new WebhookAuthorizer(http, settings);
      }
      default -> {
        verifier = null;
        jwt = null;
        webhookThreads = null;
        authorizer = new OpenAuthorizer();
      }
    }
    guard =
        new HandshakeGuard(
            jwt, new HandshakeTokens(settings.cookieName()), expiry, settings.maxGrantedRooms());
  }

  /** The one start-up line a running server owes its operator when rooms are open. */
  public void warnIfOpen() {
    if (settings.mode() == RoomAuthMode.OPEN) {
      LOG.warn(
          "ROOM_AUTH=open: every room is readable by anyone who can reach this server; "
              + "for local development only");
    }
  }

  public static RoomAuth start(RoomAuthSettings settings) {
    return new RoomAuth(settings);
  }

  /** Registers the handshake check and the connection lifecycle on the default namespace. */
  public void register(SocketIOServer server) {
    server.addConnectListener(guard);
    server.addDisconnectListener(guard);
    server
        .getNamespace(com.corundumstudio.socketio.namespace.Namespace.DEFAULT_NAME)
        .addAuthTokenListener(guard);
  }

  /**
   * Makes sure the connection's handshake was checked and its grants attached before one of its
   * events is handled: a v2/v3 polling client's first event can reach another event loop before
   * netty-socketio has run the connect listeners. Call first in every room event.
   */
  public void admit(SocketIOClient client) {
    guard.prepare(client);
  }

  /** The one check on every path into a room. */
  public RoomAuthorizer authorizer() {
    return authorizer;
  }

  public GrantExpiry expiry() {
    return expiry;
  }

  /** Whether tokens are verified (and {@code Authenticate} means something). */
  public JwtAuthorizer jwt() {
    return jwt;
  }

  public RoomAuthMode mode() {
    return settings.mode();
  }

  @Override
  public void close() {
    expiry.close();
    if (verifier != null) {
      verifier.close();
    }
    if (webhookThreads != null) {
      webhookThreads.shutdownNow();
    }
  }
}
