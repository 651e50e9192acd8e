package io.roomcast.socket;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.emit.RoomEmitter;
import io.roomcast.socket.guard.SessionLimits;
import io.roomcast.socket.http.GuardedChannelInitializer;
import io.roomcast.socket.http.OriginGuard;
import io.roomcast.socket.http.PipelineReplacement;
import io.roomcast.socket.http.QuietExceptionListener;
import io.roomcast.socket.rooms.RoomProtocol;
import io.roomcast.socket.stream.ChangeStreams;
import io.roomcast.socket.stream.StreamFailureListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket server: Socket.IO on one port, and one change stream per watched database whose
 * changes go to the rooms named by the documents' UUIDs. {@link #close()} stops both and leaves no
 * thread behind.
 */
public final class SocketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

  private static final int REFERENCE_PING_TIMEOUT_MILLIS = 20_000;

  private final SocketIOServer socketIo;
  private final int port;
  private final RoomEmitter emitter;
  private final ChangeStreams streams;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SocketServer(
      SocketIOServer socketIo, int port, RoomEmitter emitter, ChangeStreams streams) {
    this.socketIo = socketIo;
    this.port = port;
    this.emitter = emitter;
    this.streams = streams;
  }

  /** Starts with stream failures only logged. */
  public static SocketServer start(SocketServerConfig config) {
    return start(config, (database, message) -> {});
  }

  /**
   * Binds the port, then opens the change streams and waits (boundedly) for them to be open, so
   * that a change written after this returns reaches the rooms.
   *
   * @param failures told when a stream stops for good (bad credentials, not a replica set, …)
   */
  public static SocketServer start(SocketServerConfig config, StreamFailureListener failures) {
    SocketIOServer socketIo = new SocketIOServer(socketIoConfiguration(config));
    GuardedChannelInitializer pipeline =
        new GuardedChannelInitializer(
            new OriginGuard(config.allowedOrigins()),
            new SessionLimits(config.connectTimeoutMillis(), config.maxClients()));
    PipelineReplacement.install(socketIo, pipeline);
    socketIo.addConnectListener(pipeline.sessions()::transportBound);
    RoomProtocol.register(socketIo, config.maxRoomsPerClient());
    int port = SocketIoBinding.bind(socketIo, config);
    RoomEmitter emitter =
        new RoomEmitter(socketIo.getNamespace(Namespace.DEFAULT_NAME), config.uuidField());
    ChangeStreams streams;
    try {
      streams = ChangeStreams.open(config.mongoUri(), config.watchDatabases(), emitter, failures);
    } catch (RuntimeException e) {
      socketIo.stop();
      throw e;
    }
    LOG.info(
        "socket server listening on {}:{}, watching {} on {}, rooms by field '{}', origins {}",
        config.socketHost(),
        port,
        config.watchDatabases(),
        config.mongoUri().getHosts(),
        config.uuidField(),
        config.allowedOrigins());
    return new SocketServer(socketIo, port, emitter, streams);
  }

  private static Configuration socketIoConfiguration(SocketServerConfig config) {
    Configuration configuration = new Configuration();
    configuration.setHostname(config.socketHost());
    configuration.setPort(config.socketPort());
    configuration.setTransports(Transport.WEBSOCKET, Transport.POLLING);
    // Acks carry results, so they are sent by the handlers, never automatically.
    configuration.setAckMode(AckMode.MANUAL);
    // null: the allowed request Origin is echoed (OriginGuard has refused every other one).
    configuration.setOrigin(null);
    configuration.setAddVersionHeader(false);
    configuration.setExceptionListener(new QuietExceptionListener());
    // Session ids from UUID.randomUUID (122 random bits), never from the client's io cookie.
    configuration.setRandomSession(true);
    // A restarted server binds its port at once, despite connections of the old one in TIME_WAIT.
    configuration.getSocketConfig().setReuseAddress(true);
    // The reference server's: a silent session is dropped after 25 s + 20 s.
    configuration.setPingTimeout(REFERENCE_PING_TIMEOUT_MILLIS);
    return configuration;
  }

  /** The port bound; the actual one when the configuration asked for 0. */
  public int port() {
    return port;
  }

  /** Stops the change streams, then the Socket.IO server. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    streams.close();
    socketIo.stop();
    LOG.info(
        "socket server stopped: {} changes with a UUID, {} events delivered, {} changes skipped "
            + "without a UUID",
        emitter.emitted(),
        emitter.deliveries(),
        emitter.withoutUuid());
  }
}
