package io.roomcast.socket.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoNamespace;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import io.roomcast.common.config.SharedSettings;
import io.roomcast.common.origin.AllowedOrigins;
import io.roomcast.socket.auth.RoomAuthSettings;
import io.roomcast.socket.deflate.CompressionSettings;
import io.roomcast.socket.recovery.RecoverySettings;
import io.roomcast.socket.replay.ReplaySettings;
import io.roomcast.socket.snapshot.SnapshotSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The socket server's settings, declared once in {@link #SETTINGS} (README's table is generated
 * from them) and read and validated once at startup.
 */
public final class SocketServerConfig {
  /** MongoDB's limit on database name length, in bytes. */
  private static final int MAX_DATABASE_NAME_BYTES = 63;

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]+");

  public static final int DEFAULT_SOCKET_PORT = 8083;
  public static final int DEFAULT_MAX_ROOMS_PER_CLIENT = 100;
  public static final int MAX_MAX_ROOMS_PER_CLIENT = 100_000;
  public static final int DEFAULT_MAX_FRAME = 65_536;
  public static final int DEFAULT_MAX_CLIENT_BUFFER_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_ATTACHMENTS = 4;
  public static final int DEFAULT_CONNECT_TIMEOUT = 45_000;
  public static final int DEFAULT_MAX_CLIENTS = 10_000;
  public static final int DEFAULT_ADMIN_PORT = 9083;
  public static final int DEFAULT_READY_MAX_LAG_SECONDS = 30;
  public static final int DEFAULT_SHUTDOWN_DELAY_SECONDS = 2;
  public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

  /** The largest node id: it fills the first byte (two hex digits) of every session id. */
  public static final int MAX_NODE_ID = 255;

  public static final Setting<List<String>> WATCH_DATABASES =
      Setting.list(
              "WATCH_DATABASES",
              "app",
              "comma list of databases watched as a whole (names of 1–63 bytes without `/\\. \"$*<>:|?`, each once)")
          .map(SocketServerConfig::databases);
  public static final Setting<String> SOCKET_HOST =
      Setting.string("SOCKET_HOST", "0.0.0.0", "Socket.IO listen address")
          .map(SocketServerConfig::host);
  public static final Setting<Integer> SOCKET_PORT =
      Setting.integer(
          "SOCKET_PORT", DEFAULT_SOCKET_PORT, 0, 65_535, "Socket.IO listen port; 0: any free port");
  public static final Setting<AllowedOrigins> ALLOWED_ORIGINS =
      SharedSettings.origins(
          "ALLOWED_ORIGINS",
          "browser origins that may connect (others get 403); `*` allows any. Clients that send "
              + "no `Origin` (Java, Node) are served");
  public static final Setting<Integer> MAX_ROOMS_PER_CLIENT =
      Setting.integer(
          "MAX_ROOMS_PER_CLIENT",
          DEFAULT_MAX_ROOMS_PER_CLIENT,
          1,
          MAX_MAX_ROOMS_PER_CLIENT,
          "rooms one connection may be in");

  public static final Setting<Integer> MAX_FRAME =
      Setting.integer(
          "MAX_FRAME",
          DEFAULT_MAX_FRAME,
          1_024,
          16 * 1024 * 1024,
          "largest websocket message and HTTP (polling) body a client may send, in bytes");
  public static final Setting<Integer> MAX_CLIENT_BUFFER_BYTES =
      Setting.integer(
          "MAX_CLIENT_BUFFER_BYTES",
          DEFAULT_MAX_CLIENT_BUFFER_BYTES,
          16 * 1024,
          256 * 1024 * 1024,
          "unsent bytes one client may hold before it is dropped (slow-consumer policy); keep it "
              + "above the largest document");
  public static final Setting<Integer> MAX_ATTACHMENTS =
      Setting.integer(
          "MAX_ATTACHMENTS",
          DEFAULT_MAX_ATTACHMENTS,
          0,
          100,
          "binary attachments one packet may announce");

  public static final Setting<Integer> CONNECT_TIMEOUT =
      Setting.integer(
          "CONNECT_TIMEOUT",
          DEFAULT_CONNECT_TIMEOUT,
          100,
          600_000,
          "milliseconds a session may live without its Socket.IO CONNECT before it is freed "
              + "(socket.io's connectTimeout)");
  public static final Setting<Integer> MAX_CLIENTS =
      Setting.integer(
          "MAX_CLIENTS",
          DEFAULT_MAX_CLIENTS,
          1,
          1_000_000,
          "sessions at most (each about 4 KB of heap with G1, 6 KB with ZGC, and one file "
              + "descriptor); further handshakes get 503 at once");
  public static final Setting<String> ADMIN_HOST =
      Setting.string(
              "ADMIN_HOST",
              "0.0.0.0",
              "listen address of the admin port (`/metrics`, `/health/live`, `/health/ready`)")
          .map(SocketServerConfig::host);
  public static final Setting<Integer> ADMIN_PORT =
      Setting.integer(
          "ADMIN_PORT",
          DEFAULT_ADMIN_PORT,
          0,
          65_535,
          "admin port: Prometheus metrics and health probes, never the Socket.IO port; 0: any "
              + "free port");
  public static final Setting<Integer> READY_MAX_LAG =
      Setting.integer(
          "READY_MAX_LAG",
          DEFAULT_READY_MAX_LAG_SECONDS,
          1,
          3_600,
          "seconds a change stream may lag behind the database before `/health/ready` answers 503");
  public static final Setting<Integer> SHUTDOWN_DELAY =
      Setting.integer(
          "SHUTDOWN_DELAY",
          DEFAULT_SHUTDOWN_DELAY_SECONDS,
          0,
          60,
          "seconds between SIGTERM (readiness turns 503, no new connections) and closing the "
              + "clients, so that load balancers see the node leave first");
  public static final Setting<Integer> SHUTDOWN_GRACE =
      Setting.integer(
          "SHUTDOWN_GRACE",
          DEFAULT_SHUTDOWN_GRACE_SECONDS,
          1,
          300,
          "seconds a SIGTERM shutdown may take in all (delay included) before the rest is cut off");

  public static final Setting<Integer> NODE_ID =
      Setting.integer(
          "NODE_ID",
          0,
          0,
          MAX_NODE_ID,
          "this node's number, the first two hex digits of every session id (sid) it issues, "
              + "by which a proxy sends a session's requests to its node (docs/deploy.md, sticky "
              + "routing); give each node behind one proxy its own");

  /** Every setting this component reads, in table order; flags naming anything else are refused. */
  public static final List<Setting<?>> SETTINGS = settings();

  private static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    all.addAll(
        List.of(
            SharedSettings.MONGODB_URI,
            SharedSettings.UUID_FIELD,
            SharedSettings.LOG_FORMAT,
            WATCH_DATABASES,
            SOCKET_HOST,
            SOCKET_PORT,
            ALLOWED_ORIGINS,
            MAX_ROOMS_PER_CLIENT,
            MAX_FRAME,
            MAX_CLIENT_BUFFER_BYTES,
            MAX_ATTACHMENTS,
            CompressionSettings.WS_COMPRESSION,
            CompressionSettings.WS_COMPRESSION_MIN_BYTES,
            CONNECT_TIMEOUT,
            MAX_CLIENTS,
            ADMIN_HOST,
            ADMIN_PORT,
            READY_MAX_LAG,
            SHUTDOWN_DELAY,
            SHUTDOWN_GRACE,
            NODE_ID));
    all.addAll(ReplaySettings.SETTINGS);
    all.addAll(RoomAuthSettings.SETTINGS);
    all.addAll(SnapshotSettings.SETTINGS);
    all.addAll(RecoverySettings.SETTINGS);
    return List.copyOf(all);
  }

  private final ConnectionString mongoUri;
  private final String uuidField;
  private final List<String> watchDatabases;
  private final String socketHost;
  private final int socketPort;
  private final AllowedOrigins allowedOrigins;
  private final int maxRoomsPerClient;
  private final int maxFrame;
  private final int maxClientBufferBytes;
  private final int maxAttachments;
  private final CompressionSettings compression;
  private final RoomAuthSettings roomAuth;
  private final RecoverySettings recovery;
  private final ReplaySettings replay;
  private final int connectTimeoutMillis;
  private final int maxClients;
  private final String adminHost;
  private final int adminPort;
  private final Duration readyMaxLag;
  private final Duration shutdownDelay;
  private final Duration shutdownGrace;
  private final int nodeId;
  private final SnapshotSettings snapshot;

  private SocketServerConfig(Settings settings) {
    mongoUri = SharedSettings.MONGODB_URI.read(settings);
    uuidField = SharedSettings.UUID_FIELD.read(settings);
    SharedSettings.LOG_FORMAT.read(settings); // applied by Logback; read to refuse a bad value
    watchDatabases = WATCH_DATABASES.read(settings);
    socketHost = SOCKET_HOST.read(settings);
    socketPort = SOCKET_PORT.read(settings);
    allowedOrigins = ALLOWED_ORIGINS.read(settings);
    maxRoomsPerClient = MAX_ROOMS_PER_CLIENT.read(settings);
    maxFrame = MAX_FRAME.read(settings);
    maxClientBufferBytes = MAX_CLIENT_BUFFER_BYTES.read(settings);
    maxAttachments = MAX_ATTACHMENTS.read(settings);
    compression = CompressionSettings.from(settings);
    connectTimeoutMillis = CONNECT_TIMEOUT.read(settings);
    maxClients = MAX_CLIENTS.read(settings);
    adminHost = ADMIN_HOST.read(settings);
    adminPort = ADMIN_PORT.read(settings);
    readyMaxLag = Duration.ofSeconds(READY_MAX_LAG.read(settings));
    shutdownDelay = Duration.ofSeconds(SHUTDOWN_DELAY.read(settings));
    shutdownGrace = Duration.ofSeconds(SHUTDOWN_GRACE.read(settings));
    nodeId = NODE_ID.read(settings);
    // A snapshot join's ack is written at once: it must stay well within the client's buffer.
    snapshot = SnapshotSettings.from(settings).withMaxBytesAtMost(maxClientBufferBytes / 2);
    if (shutdownDelay.compareTo(shutdownGrace) >= 0) {
      throw new ConfigException(
          "invalid SHUTDOWN_DELAY="
              + shutdownDelay.toSeconds()
              + ": expected less than SHUTDOWN_GRACE="
              + shutdownGrace.toSeconds()
              + ", which includes it");
    }
    recovery = RecoverySettings.from(settings);
    if (watchDatabases.contains(recovery.database())) {
      throw new ConfigException(
          "invalid RECOVERY_DATABASE="
              + recovery.database()
              + ": expected a database that is not in WATCH_DATABASES (session records are no"
              + " changes to deliver)");
    }
    replay = ReplaySettings.from(settings);
    // Last: its checks span several variables, so each single bad value above is named first.
    roomAuth = RoomAuthSettings.from(settings);
  }

  /**
   * Reads and validates every setting; throws {@link ConfigException} naming the first bad one, or
   * an unknown flag.
   */
  public static SocketServerConfig from(Settings settings) {
    return new SocketServerConfig(settings.rejectUnknownFlags(SETTINGS));
  }

  private static List<String> databases(List<String> names) {
    Set<String> unique = new LinkedHashSet<>();
    String expected =
        "database names of 1 to " + MAX_DATABASE_NAME_BYTES + " bytes without /\\. \"$*<>:|?";
    for (String name : names) {
      try {
        MongoNamespace.checkDatabaseNameValidity(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidValue(name, expected);
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_DATABASE_NAME_BYTES
          || name.contains("\0")) {
        throw new InvalidValue(name, expected);
      }
      if (!unique.add(name)) {
        throw new InvalidValue(name, "each database listed once");
      }
    }
    return List.copyOf(unique);
  }

  private static String host(String host) {
    if (!HOST.matcher(host).matches()) {
      throw new InvalidValue(host, "a host name or IP address such as 0.0.0.0");
    }
    return host;
  }

  public ConnectionString mongoUri() {
    return mongoUri;
  }

  public List<String> watchDatabases() {
    return watchDatabases;
  }

  public String uuidField() {
    return uuidField;
  }

  public String socketHost() {
    return socketHost;
  }

  /** The port to listen on; 0 means any free port. */
  public int socketPort() {
    return socketPort;
  }

  public AllowedOrigins allowedOrigins() {
    return allowedOrigins;
  }

  public int maxRoomsPerClient() {
    return maxRoomsPerClient;
  }

  /** Largest websocket message or polling body a client may send, in bytes. */
  public int maxFrame() {
    return maxFrame;
  }

  /** Unsent bytes one client may hold before it is dropped. */
  public int maxClientBufferBytes() {
    return maxClientBufferBytes;
  }

  /** Binary attachments one packet may announce. */
  public int maxAttachments() {
    return maxAttachments;
  }

  /** Websocket compression (WS_COMPRESSION, WS_COMPRESSION_MIN_BYTES). */
  public CompressionSettings compression() {
    return compression;
  }

  /** Who may join which room (ROOM_AUTH and its settings). */
  public RoomAuthSettings roomAuth() {
    return roomAuth;
  }

  /** Connection state recovery (RECOVERY and its settings). */
  public RecoverySettings recovery() {
    return recovery;
  }

  /** The replay window, replay bound and catch-up cursors (JoinRoom with {@code since}). */
  public ReplaySettings replay() {
    return replay;
  }

  public String adminHost() {
    return adminHost;
  }

  /** The admin port; 0 means any free port. */
  public int adminPort() {
    return adminPort;
  }

  /** How far a stream may lag before the node is not ready. */
  public Duration readyMaxLag() {
    return readyMaxLag;
  }

  /** How long the node is not ready before its clients are closed, at shutdown. */
  public Duration shutdownDelay() {
    return shutdownDelay;
  }

  /** Initial state on join: its bounds. */
  public SnapshotSettings snapshot() {
    return snapshot;
  }

  /** How long a shutdown may take in all. */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** How long a session may wait for its Socket.IO CONNECT, in milliseconds. */
  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /** This node's number, the first byte of every session id it issues. */
  public int nodeId() {
    return nodeId;
  }

  /** Sessions at most; further handshakes get 503. */
  public int maxClients() {
    return maxClients;
  }
}
