package io.roomcast.socket.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoNamespace;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The socket server's settings, read and validated once at startup. */
public final class SocketServerConfig {
  public static final String MONGODB_URI = "MONGODB_URI";
  public static final String WATCH_DATABASES = "WATCH_DATABASES";
  public static final String UUID_FIELD = "UUID_FIELD";
  public static final String SOCKET_HOST = "SOCKET_HOST";
  public static final String SOCKET_PORT = "SOCKET_PORT";
  public static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  public static final String MAX_ROOMS_PER_CLIENT = "MAX_ROOMS_PER_CLIENT";
  public static final String CONNECT_TIMEOUT = "CONNECT_TIMEOUT";
  public static final String MAX_CLIENTS = "MAX_CLIENTS";

  /** Every setting this component reads; flags naming anything else are rejected. */
  public static final Set<String> SETTING_NAMES =
      Set.of(
          MONGODB_URI,
          WATCH_DATABASES,
          UUID_FIELD,
          SOCKET_HOST,
          SOCKET_PORT,
          ALLOWED_ORIGINS,
          MAX_ROOMS_PER_CLIENT,
          CONNECT_TIMEOUT,
          MAX_CLIENTS);

  public static final String DEFAULT_MONGODB_URI = "mongodb://localhost:27017";
  public static final String DEFAULT_WATCH_DATABASES = "app";
  public static final String DEFAULT_UUID_FIELD = "uuid";
  public static final String DEFAULT_SOCKET_HOST = "0.0.0.0";
  public static final int DEFAULT_SOCKET_PORT = 8083;
  public static final String DEFAULT_ALLOWED_ORIGINS =
      "http://localhost:8082,http://127.0.0.1:8082,http://localhost:8080,http://127.0.0.1:8080";
  public static final int DEFAULT_MAX_ROOMS_PER_CLIENT = 100;
  public static final int MAX_MAX_ROOMS_PER_CLIENT = 100_000;

  /** Milliseconds a session may stay without a namespace CONNECT: socket.io's connectTimeout. */
  public static final int DEFAULT_CONNECT_TIMEOUT = 45_000;

  public static final int MIN_CONNECT_TIMEOUT = 100;
  public static final int MAX_CONNECT_TIMEOUT = 600_000;

  /**
   * Sessions held at once. An idle session costs a few KB of heap and one file descriptor; 10,000
   * fits the usual 64 Ki descriptor limit and a 512 MB heap with room for each one's outbound
   * buffer, and is well above what one socket server instance is sized for.
   */
  public static final int DEFAULT_MAX_CLIENTS = 10_000;

  public static final int MAX_MAX_CLIENTS = 1_000_000;

  /** MongoDB's limit on database name length, in bytes. */
  private static final int MAX_DATABASE_NAME_BYTES = 63;

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]+");

  private final ConnectionString mongoUri;
  private final List<String> watchDatabases;
  private final String uuidField;
  private final String socketHost;
  private final int socketPort;
  private final AllowedOrigins allowedOrigins;
  private final int maxRoomsPerClient;
  private final int connectTimeoutMillis;
  private final int maxClients;

  private SocketServerConfig(Settings settings) {
    mongoUri = connectionString(settings.string(MONGODB_URI, DEFAULT_MONGODB_URI));
    watchDatabases = databases(settings.list(WATCH_DATABASES, DEFAULT_WATCH_DATABASES));
    uuidField = fieldName(settings.string(UUID_FIELD, DEFAULT_UUID_FIELD));
    socketHost = host(settings.string(SOCKET_HOST, DEFAULT_SOCKET_HOST));
    socketPort = settings.integer(SOCKET_PORT, DEFAULT_SOCKET_PORT, 0, 65535);
    allowedOrigins =
        AllowedOrigins.parse(
            ALLOWED_ORIGINS, settings.list(ALLOWED_ORIGINS, DEFAULT_ALLOWED_ORIGINS));
    maxRoomsPerClient =
        settings.integer(
            MAX_ROOMS_PER_CLIENT, DEFAULT_MAX_ROOMS_PER_CLIENT, 1, MAX_MAX_ROOMS_PER_CLIENT);
    connectTimeoutMillis =
        settings.integer(
            CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, MIN_CONNECT_TIMEOUT, MAX_CONNECT_TIMEOUT);
    maxClients = settings.integer(MAX_CLIENTS, DEFAULT_MAX_CLIENTS, 1, MAX_MAX_CLIENTS);
  }

  /** Reads and validates every setting; throws {@link ConfigException} naming the first bad one. */
  public static SocketServerConfig from(Settings settings) {
    return new SocketServerConfig(settings);
  }

  private static ConnectionString connectionString(String uri) {
    try {
      return new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      // The value itself is not repeated: it may hold a password.
      throw new ConfigException(
          "invalid "
              + MONGODB_URI
              + ": expected a MongoDB connection string such as "
              + DEFAULT_MONGODB_URI
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  private static List<String> databases(List<String> names) {
    Set<String> unique = new LinkedHashSet<>();
    String expected =
        "database names of 1 to " + MAX_DATABASE_NAME_BYTES + " bytes without /\\. \"$*<>:|?";
    for (String name : names) {
      try {
        MongoNamespace.checkDatabaseNameValidity(name);
      } catch (IllegalArgumentException e) {
        throw Settings.invalid(WATCH_DATABASES, name, expected);
      }
      if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATABASE_NAME_BYTES
          || name.contains("\0")) {
        throw Settings.invalid(WATCH_DATABASES, name, expected);
      }
      if (!unique.add(name)) {
        throw Settings.invalid(WATCH_DATABASES, name, "each database listed once");
      }
    }
    return List.copyOf(unique);
  }

  private static String fieldName(String name) {
    if (name.startsWith("$") || name.contains(".") || name.contains("\0")) {
      throw Settings.invalid(UUID_FIELD, name, "a top-level field name without '.' or leading '$'");
    }
    return name;
  }

  private static String host(String host) {
    if (!HOST.matcher(host).matches()) {
      throw Settings.invalid(SOCKET_HOST, host, "a host name or IP address such as 0.0.0.0");
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

  /** Milliseconds a session may wait before its namespace CONNECT before it is freed. */
  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /** Sessions held at once; further handshakes are answered 503. */
  public int maxClients() {
    return maxClients;
  }
}
