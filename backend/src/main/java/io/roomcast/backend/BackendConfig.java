package io.roomcast.backend;

import com.mongodb.ConnectionString;
import io.roomcast.backend.auth.BackendAuthSettings;
import io.roomcast.backend.storage.Namespace;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import io.roomcast.common.config.SharedSettings;
import io.roomcast.common.origin.AllowedOrigins;
import java.util.ArrayList;
import java.util.List;

/**
 * The backend's settings, declared once in {@link #SETTINGS} (README's table is generated from
 * them) and read and validated once at startup.
 */
public final class BackendConfig {
  public static final int DEFAULT_PORT = 8082;
  public static final int DEFAULT_MAX_BODY_BYTES = 65_536;

  /** MongoDB's own document limit: a larger body could never be stored. */
  public static final int MAX_BODY_BYTES_LIMIT = 16 * 1024 * 1024;

  public static final Setting<String> BACKEND_HOST =
      Setting.string("BACKEND_HOST", "0.0.0.0", "backend listen address");
  public static final Setting<Integer> BACKEND_PORT =
      Setting.integer(
          "BACKEND_PORT", DEFAULT_PORT, 0, 65_535, "backend listen port; 0: any free port");
  public static final Setting<Namespace> UPDATE_NAMESPACE =
      Setting.string("UPDATE_NAMESPACE", "app.test", "`db.collection` that `POST /update` writes")
          .map(BackendConfig::namespace);
  public static final Setting<List<Namespace>> API_COLLECTIONS =
      Setting.list(
              "API_COLLECTIONS",
              "app.test",
              "comma list of `db.collection` the REST API may touch (no `system.*`)")
          .map(BackendConfig::namespaces);
  public static final Setting<Integer> MAX_BODY_BYTES =
      Setting.integer(
          "MAX_BODY_BYTES",
          DEFAULT_MAX_BODY_BYTES,
          2,
          MAX_BODY_BYTES_LIMIT,
          "request body limit in bytes, 413 beyond (at most MongoDB's 16 MiB document limit)");
  public static final Setting<AllowedOrigins> CORS_ORIGINS =
      SharedSettings.origins(
          "CORS_ORIGINS",
          "origins allowed to call the backend from a browser (matched like `ALLOWED_ORIGINS`); "
              + "`*` allows any");

  /** Empty: the page connects to its own host on port 8083. */
  public static final Setting<String> PUBLIC_SOCKET_URL =
      Setting.string(
              "PUBLIC_SOCKET_URL",
              "",
              "where the page connects for Socket.IO, told to the page: empty = the page's host, "
                  + "port 8083; `/` = the page's own origin (behind the nginx front); or an "
                  + "origin such as https://live.example.com (no path: the Socket.IO client would "
                  + "read it as a namespace)")
          .map(BackendConfig::publicSocketUrl);

  public static final Setting<Integer> BACKEND_REQUEST_TIMEOUT_MS =
      Setting.integer(
          "BACKEND_REQUEST_TIMEOUT_MS",
          10_000,
          100,
          600_000,
          "how long a request may send nothing (headers or body) before it is answered 408 and "
              + "closed; also how long an idle keep-alive connection is kept");
  public static final Setting<Integer> BACKEND_MAX_CONNECTIONS =
      Setting.integer(
          "BACKEND_MAX_CONNECTIONS",
          1_000,
          1,
          10_000,
          "open connections at most (Jetty's connection limit); further clients wait in the "
              + "accept backlog");
  public static final Setting<Integer> BACKEND_MAX_HEADER_BYTES =
      Setting.integer(
          "BACKEND_MAX_HEADER_BYTES",
          8_192,
          1_024,
          65_536,
          "request line plus headers at most, in bytes; 414 or 431 beyond");

  /** Every setting the backend reads, in table order; any other flag is a typo. */
  public static final List<Setting<?>> SETTINGS = settings();

  private static List<Setting<?>> settings() {
    List<Setting<?>> all =
        new ArrayList<>(
            List.of(
                SharedSettings.MONGODB_URI,
                SharedSettings.UUID_FIELD,
                SharedSettings.LOG_FORMAT,
                BACKEND_HOST,
                BACKEND_PORT,
                UPDATE_NAMESPACE,
                API_COLLECTIONS,
                MAX_BODY_BYTES,
                CORS_ORIGINS,
                PUBLIC_SOCKET_URL,
                BACKEND_REQUEST_TIMEOUT_MS,
                BACKEND_MAX_CONNECTIONS,
                BACKEND_MAX_HEADER_BYTES));
    all.addAll(BackendAuthSettings.SETTINGS);
    return List.copyOf(all);
  }

  private final ConnectionString mongoUri;
  private final String uuidField;
  private final String host;
  private final int port;
  private final Namespace updateNamespace;
  private final List<Namespace> apiCollections;
  private final int maxBodyBytes;
  private final AllowedOrigins corsOrigins;
  private final String publicSocketUrl;
  private final int requestTimeoutMs;
  private final int maxConnections;
  private final int maxHeaderBytes;
  private final BackendAuthSettings auth;

  private BackendConfig(Settings settings) {
    mongoUri = SharedSettings.MONGODB_URI.read(settings);
    uuidField = SharedSettings.UUID_FIELD.read(settings);
    SharedSettings.LOG_FORMAT.read(settings); // applied by Logback; read to refuse a bad value
    host = BACKEND_HOST.read(settings);
    port = BACKEND_PORT.read(settings);
    updateNamespace = UPDATE_NAMESPACE.read(settings);
    apiCollections = API_COLLECTIONS.read(settings);
    maxBodyBytes = MAX_BODY_BYTES.read(settings);
    corsOrigins = CORS_ORIGINS.read(settings);
    publicSocketUrl = PUBLIC_SOCKET_URL.read(settings);
    requestTimeoutMs = BACKEND_REQUEST_TIMEOUT_MS.read(settings);
    maxConnections = BACKEND_MAX_CONNECTIONS.read(settings);
    maxHeaderBytes = BACKEND_MAX_HEADER_BYTES.read(settings);
    auth = BackendAuthSettings.from(settings, host);
  }

  /** Reads and validates; throws ConfigException naming the first bad variable. */
  public static BackendConfig from(Settings settings) {
    return new BackendConfig(settings.rejectUnknownFlags(SETTINGS));
  }

  private static Namespace namespace(String value) {
    return Namespace.parse(value)
        .orElseThrow(
            () ->
                new InvalidValue(value, "db.collection with valid names, not a system collection"));
  }

  private static List<Namespace> namespaces(List<String> values) {
    List<Namespace> result = new ArrayList<>();
    for (String value : values) {
      result.add(namespace(value));
    }
    return List.copyOf(result);
  }

  private static String publicSocketUrl(String value) {
    if (value.isEmpty() || "/".equals(value) || isOrigin(value) || isOrigin(trimSlash(value))) {
      return value;
    }
    // A path would be read by the Socket.IO client as a namespace, which the server does not use.
    throw new InvalidValue(
        value,
        "unset, '/' (same origin as the page) or an origin such as https://host:port (no path)");
  }

  private static boolean isOrigin(String value) {
    return AllowedOrigins.normalize(value).isPresent();
  }

  private static String trimSlash(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  public ConnectionString mongoUri() {
    return mongoUri;
  }

  public String uuidField() {
    return uuidField;
  }

  public String host() {
    return host;
  }

  /** 0 binds any free port; {@link BackendServer#port()} tells which. */
  public int port() {
    return port;
  }

  public Namespace updateNamespace() {
    return updateNamespace;
  }

  public List<Namespace> apiCollections() {
    return apiCollections;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public AllowedOrigins corsOrigins() {
    return corsOrigins;
  }

  public String publicSocketUrl() {
    return publicSocketUrl;
  }

  /** Slowloris limits, enforced by Jetty (see docs/security.md). */
  public int requestTimeoutMs() {
    return requestTimeoutMs;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** Who may write and read, and the development token endpoint. */
  public BackendAuthSettings auth() {
    return auth;
  }
}
