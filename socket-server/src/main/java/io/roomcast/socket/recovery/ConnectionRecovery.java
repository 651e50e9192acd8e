package io.roomcast.socket.recovery;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.Module;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.netty.channel.ChannelHandler;
import io.roomcast.socket.metrics.SocketMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection state recovery as the socket server uses it ({@code RECOVERY=true}): its parts, built
 * and closed together, and the few calls the server makes on them. Session records go through a
 * MongoDB client of their own, so that they never wait behind the change streams.
 */
public final class ConnectionRecovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionRecovery.class);

  /** Connections for session records and lookups at most. */
  private static final int POOL_SIZE = 4;

  private final RecoverySettings settings;
  private final MongoClient mongo;
  private final SessionRooms sessions;
  private final ConnectInternals internals = new ConnectInternals();
  private final Recovery recovery;
  private final RecoveringConnect connect;

  private ConnectionRecovery(
      RecoverySettings settings, ConnectionString uri, SocketMetrics metrics, int maxClients) {
    this.settings = settings;
    this.mongo =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToConnectionPoolSettings(pool -> pool.maxSize(POOL_SIZE))
                .build());
    Clock clock = Clock.systemUTC();
    this.sessions =
        new SessionRooms(
            mongo.getDatabase(settings.database()).getCollection(SessionRooms.COLLECTION),
            settings.ttl(),
            2 * maxClients,
            clock,
            metrics::sessionWriteDropped);
    RecoveryTokens tokens = new RecoveryTokens(settings.secret(), settings.pidLifetime(), clock);
    this.recovery = new Recovery(tokens, sessions, internals, metrics);
    this.connect = new RecoveringConnect(tokens, sessions, metrics);
  }

  /** Recovery's parts, or null when {@code RECOVERY=false}. */
  public static ConnectionRecovery start(
      RecoverySettings settings, ConnectionString uri, SocketMetrics metrics, int maxClients) {
    return settings.enabled() ? new ConnectionRecovery(settings, uri, metrics, maxClients) : null;
  }

  /** For netty-socketio's JSON support: CONNECT replies with a pid. */
  public Module jsonModule() {
    return internals.module();
  }

  /** The handler to place just before netty-socketio's packet handler. */
  public ChannelHandler connectHandler() {
    return connect;
  }

  /** Registers the listeners; call after room authorization registered its own. */
  public void register(SocketIOServer server, Recovery.Restorer restorer) {
    recovery.register(server, restorer);
  }

  /** The client's rooms changed; call under its grants' lock. */
  public void roomsChanged(SocketIOClient client) {
    recovery.roomsChanged(client);
  }

  /** The start-up line owed when pids die with this process. */
  public void warnIfNotShared() {
    if (!settings.shared()) {
      LOG.warn(
          "RECOVERY_SECRET is not set: recovery pids are signed with a random secret of this "
              + "process, so sessions survive dropped connections but not a restart or a move to "
              + "another node; set the same RECOVERY_SECRET on every node");
    }
  }

  @Override
  public void close() {
    sessions.close();
    mongo.close();
  }
}
