package io.roomcast.socket;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.roomcast.common.metrics.ProcessMetrics;
import io.roomcast.socket.admin.AdminServer;
import io.roomcast.socket.admin.Readiness;
import io.roomcast.socket.auth.ConnectAuthRequired;
import io.roomcast.socket.auth.RoomAuth;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.deflate.PerMessageDeflate;
import io.roomcast.socket.emit.ChangePreparer;
import io.roomcast.socket.emit.RoomEmitter;
import io.roomcast.socket.emit.SharedFrameDelivery;
import io.roomcast.socket.guard.NodeSessionIds;
import io.roomcast.socket.guard.SessionLimits;
import io.roomcast.socket.http.GuardedChannelInitializer;
import io.roomcast.socket.http.OriginGuard;
import io.roomcast.socket.http.PipelineReplacement;
import io.roomcast.socket.http.QuietExceptionListener;
import io.roomcast.socket.limits.ConnectionLimits;
import io.roomcast.socket.metrics.SocketGauges;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.recovery.ConnectionRecovery;
import io.roomcast.socket.replay.CatchUps;
import io.roomcast.socket.replay.DeliveryHub;
import io.roomcast.socket.replay.Replays;
import io.roomcast.socket.rooms.RoomProtocol;
import io.roomcast.socket.session.SessionStores;
import io.roomcast.socket.shutdown.ClientCloser;
import io.roomcast.socket.snapshot.Snapshots;
import io.roomcast.socket.stream.ChangeStreams;
import io.roomcast.socket.stream.StreamFailureListener;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket server: Socket.IO on one port, one change stream per watched database whose changes go
 * to the rooms named by the documents' UUIDs, and the admin port (metrics, health). {@link
 * #shutDown()} leaves gracefully, {@link #close()} at once; both leave no thread behind.
 */
public final class SocketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

  private static final int REFERENCE_PING_TIMEOUT_MILLIS = 20_000;

  private final SocketServerConfig config;
  private final SocketIOServer socketIo;
  private final Channel listening;
  private final RoomEmitter emitter;
  private final DeliveryHub hub;
  private final Snapshots snapshots;
  private final CatchUps catchUps;
  private final ChangeStreams streams;
  private final Readiness readiness;
  private final AdminServer admin;
  private final ProcessMetrics processMetrics;
  private final RoomAuth auth;
  private final ConnectionRecovery recovery;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SocketServer(Parts parts) {
    this.config = parts.config;
    this.socketIo = parts.socketIo;
    this.listening = parts.listening;
    this.emitter = parts.emitter;
    this.hub = parts.hub;
    this.snapshots = parts.snapshots;
    this.catchUps = parts.catchUps;
    this.streams = parts.streams;
    this.readiness = parts.readiness;
    this.admin = parts.admin;
    this.processMetrics = parts.processMetrics;
    this.auth = parts.auth;
    this.recovery = parts.recovery;
  }

  /** What start() has built so far, so that a failure can close exactly that. */
  private static final class Parts {
    SocketServerConfig config;
    SocketIOServer socketIo;
    Channel listening;
    RoomEmitter emitter;
    DeliveryHub hub;
    CatchUps catchUps;
    Snapshots snapshots;
    ChangeStreams streams;
    Readiness readiness;
    AdminServer admin;
    ProcessMetrics processMetrics;
    RoomAuth auth;
    ConnectionRecovery recovery;

    void closeQuietly() {
      if (admin != null) {
        admin.close();
      }
      if (streams != null) {
        streams.close();
      }
      if (catchUps != null) {
        catchUps.close();
      }
      if (snapshots != null) {
        snapshots.close();
      }
      if (hub != null) {
        hub.close();
      }
      if (socketIo != null) {
        socketIo.stop();
      }
      if (auth != null) {
        auth.close();
      }
      if (recovery != null) {
        recovery.close();
      }
      if (processMetrics != null) {
        processMetrics.close();
      }
    }
  }

  /** Starts with stream failures only logged. */
  public static SocketServer start(SocketServerConfig config) {
    return start(config, (database, message) -> {});
  }

  /**
   * Binds the port, then opens the change streams and waits (boundedly) for them to be open, so
   * that a change written after this returns reaches the rooms; then opens the admin port.
   *
   * @param failures told when a stream stops for good (bad credentials, not a replica set, …)
   */
  public static SocketServer start(SocketServerConfig config, StreamFailureListener failures) {
    ProcessMetrics metrics = ProcessMetrics.create();
    return start(config, failures, metrics.registry(), metrics);
  }

  /**
   * As {@link #start(SocketServerConfig, StreamFailureListener)} with the server's meters in the
   * given registry, which the caller owns and {@code /metrics} does not show; a {@code
   * CompositeMeterRegistry} without registries turns metrics off (benchmarks compare both).
   */
  public static SocketServer start(
      SocketServerConfig config, StreamFailureListener failures, MeterRegistry registry) {
    return start(config, failures, registry, null);
  }

  private static SocketServer start(
      SocketServerConfig config,
      StreamFailureListener failures,
      MeterRegistry registry,
      ProcessMetrics owned) {
    Parts parts = new Parts();
    parts.config = config;
    parts.processMetrics = owned;
    try {
      SocketMetrics metrics = new SocketMetrics(registry);
      parts.recovery =
          ConnectionRecovery.start(
              config.recovery(), config.mongoUri(), metrics, config.maxClients());
      parts.socketIo = new SocketIOServer(socketIoConfiguration(config, parts.recovery));
      ConnectionLimits limits = ConnectionLimits.register(parts.socketIo, config);
      parts.auth = RoomAuth.start(config.roomAuth());
      GuardedChannelInitializer pipeline =
          new GuardedChannelInitializer(
              new OriginGuard(config.allowedOrigins()),
              new SessionLimits(config.connectTimeoutMillis(), config.maxClients()),
              limits,
              new ConnectAuthRequired(),
              new NodeSessionIds(config.nodeId()),
              parts.recovery == null ? null : parts.recovery.connectHandler(),
              config.compression().shared()
                  ? new PerMessageDeflate(config.compression().minBytes(), config.maxFrame())
                  : null);
      PipelineReplacement.install(parts.socketIo, pipeline);
      parts.socketIo.addConnectListener(pipeline.sessions()::transportBound);
      parts.auth.register(parts.socketIo);
      parts.hub =
          new DeliveryHub(
              parts.socketIo.getNamespace(Namespace.DEFAULT_NAME),
              new SharedFrameDelivery(parts.recovery != null, config.compression()),
              config.replay(),
              metrics);
      parts.catchUps =
          new CatchUps(
              config.mongoUri(),
              config.watchDatabases(),
              new ChangePreparer(config.uuidField()),
              config.replay(),
              parts.hub,
              metrics);
      parts.snapshots = Snapshots.open(config);
      ConnectionRecovery recovery = parts.recovery;
      RoomProtocol rooms =
          RoomProtocol.register(
              parts.socketIo,
              config.maxRoomsPerClient(),
              parts.auth,
              new Replays(parts.hub),
              parts.snapshots,
              metrics,
              recovery == null ? client -> {} : recovery::roomsChanged);
      if (recovery != null) {
        recovery.register(parts.socketIo, rooms::restore);
      }
      parts.listening = SocketIoBinding.bind(parts.socketIo, config);
      parts.emitter = new RoomEmitter(config.uuidField(), parts.hub, metrics);
      parts.streams =
          ChangeStreams.open(
              config.mongoUri(),
              config.watchDatabases(),
              parts.emitter,
              failures,
              metrics,
              registry);
      SocketGauges.bindClients(registry, parts.socketIo);
      SocketGauges.bindEmitter(registry, parts.emitter);
      SocketGauges.bindStreams(registry, parts.streams);
      SocketGauges.bindCatchUps(registry, parts.catchUps);
      parts.readiness = new Readiness(parts.streams::stats, config.readyMaxLag());
      parts.admin =
          AdminServer.start(
              config.adminHost(),
              config.adminPort(),
              owned != null ? owned::scrape : () -> "",
              Readiness::live,
              parts.readiness::ready);
    } catch (RuntimeException e) {
      parts.closeQuietly();
      throw e;
    }
    SocketServer server = new SocketServer(parts);
    LOG.info(
        "socket server listening on {}:{}, admin (metrics, health) on {}:{}, watching {} on {}, "
            + "rooms by field '{}', origins {}, room authorization {}, recovery {}, websocket "
            + "compression {}, node {} (NODE_ID)",
        config.socketHost(),
        server.port(),
        config.adminHost(),
        server.adminPort(),
        config.watchDatabases(),
        config.mongoUri().getHosts(),
        config.uuidField(),
        config.allowedOrigins(),
        config.roomAuth().mode(),
        parts.recovery == null ? "off" : "on (" + config.recovery().ttl().toSeconds() + " s)",
        config.compression(),
        config.nodeId());
    parts.auth.warnIfOpen();
    if (parts.recovery != null) {
      parts.recovery.warnIfNotShared();
    }
    return server;
  }

  private static Configuration socketIoConfiguration(
      SocketServerConfig config, ConnectionRecovery recovery) {
    Configuration configuration = new Configuration();
    if (recovery != null) {
      // CONNECT replies carry the recovery pid (see ConnectInternals).
      configuration.setJsonSupport(new JacksonJsonSupport(recovery.jsonModule()));
    }
    // A compact per-session store instead of a ConcurrentHashMap each (docs/performance.md).
    configuration.setStoreFactory(new SessionStores());
    configuration.setHostname(config.socketHost());
    configuration.setPort(config.socketPort());
    configuration.setTransports(Transport.WEBSOCKET, Transport.POLLING);
    // Linux's epoll transport writes a buffer from its memory address; NIO wraps each write in a
    // new ByteBuffer, an allocation per client per event (docs/performance.md).
    configuration.setUseLinuxNativeEpoll(Epoll.isAvailable());
    // Acks carry results, so they are sent by the handlers, never automatically.
    configuration.setAckMode(AckMode.MANUAL);
    // null: the allowed request Origin is echoed (OriginGuard has refused every other one).
    configuration.setOrigin(null);
    configuration.setAddVersionHeader(false);
    configuration.setExceptionListener(new QuietExceptionListener());
    // One limit for what a client may send, checked on the wire, and on what a compressed message
    // inflates to (deflate/InflatedLimit). netty-socketio's own compression would compress every
    // event once per client: WS_COMPRESSION=shared negotiates it in deflate/PerMessageDeflate
    // instead (docs/security.md).
    configuration.setMaxFramePayloadLength(config.maxFrame());
    configuration.setMaxHttpContentLength(config.maxFrame());
    configuration.setWebsocketCompression(false);
    configuration.setHttpCompression(false);
    // A restarted server binds its port at once, despite connections of the old one in TIME_WAIT.
    configuration.getSocketConfig().setReuseAddress(true);
    // The reference server's: a silent session is dropped after 25 s + 20 s.
    configuration.setPingTimeout(REFERENCE_PING_TIMEOUT_MILLIS);
    return configuration;
  }

  /** The Socket.IO port bound; the actual one when the configuration asked for 0. */
  public int port() {
    return ((InetSocketAddress) listening.localAddress()).getPort();
  }

  /** The admin port bound (metrics, health). */
  public int adminPort() {
    return admin.port();
  }

  /**
   * Leaves gracefully, within {@code SHUTDOWN_GRACE}: readiness turns 503 and no new connection is
   * accepted; after {@code SHUTDOWN_DELAY} every client gets Engine.IO's close (so it reconnects
   * elsewhere at once); then everything stops. Call from a thread of its own (a signal's).
   */
  public void shutDown() throws InterruptedException {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    readiness.shutDown();
    listening.close().awaitUninterruptibly(config.shutdownGrace().toMillis());
    LOG.info(
        "shutting down: not ready, no new connections; closing {} clients in {} s",
        socketIo.getAllClients().size(),
        config.shutdownDelay().toSeconds());
    Thread.sleep(config.shutdownDelay().toMillis()); // what load balancers need to see us leave
    int clients = ClientCloser.closeAll(socketIo, deadline);
    LOG.info("closed {} clients; stopping", clients);
    close();
  }

  /** Stops the change streams, the Socket.IO server and the admin port at once. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    readiness.shutDown();
    streams.close();
    catchUps.close();
    snapshots.close();
    hub.close();
    socketIo.stop();
    admin.close();
    auth.close();
    if (recovery != null) {
      recovery.close();
    }
    if (processMetrics != null) {
      processMetrics.close();
    }
    LOG.info(
        "socket server stopped: {} changes with a UUID, {} events delivered, {} changes skipped "
            + "without a UUID",
        emitter.emitted(),
        emitter.deliveries(),
        emitter.withoutUuid());
  }
}
