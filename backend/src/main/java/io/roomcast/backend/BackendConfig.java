package io.roomcast.backend;

import io.roomcast.backend.storage.Namespace;
import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The backend's settings, read and validated once at startup (see docs/backend.md). */
public final class BackendConfig {
  public static final String DEFAULT_MONGODB_URI = "mongodb://localhost:27017";
  public static final String DEFAULT_UUID_FIELD = "uuid";
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8082;
  public static final String DEFAULT_UPDATE_NAMESPACE = "app.test";
  public static final String DEFAULT_API_COLLECTIONS = "app.test";
  public static final int DEFAULT_MAX_BODY_BYTES = 65_536;

  /** MongoDB's own document limit: a larger body could never be stored. */
  public static final int MAX_BODY_BYTES_LIMIT = 16 * 1024 * 1024;

  public static final String DEFAULT_CORS_ORIGINS =
      "http://localhost:8082,http://127.0.0.1:8082,http://localhost:8080,http://127.0.0.1:8080";

  /** Empty: the page connects to its own host on port 8083. */
  public static final String DEFAULT_PUBLIC_SOCKET_URL = "";

  /** {@code open}: anyone may write and read (development); {@code jwt}: tokens decide. */
  public static final String DEFAULT_BACKEND_AUTH = "open";

  public static final int DEFAULT_DEV_TOKEN_TTL_SECONDS = 300;
  public static final int MAX_DEV_TOKEN_TTL_SECONDS = 3600;

  /** Every setting the backend reads; any other flag is a typo. */
  public static final Set<String> SETTING_NAMES = settingNames();

  private static Set<String> settingNames() {
    Set<String> names =
        new java.util.HashSet<>(
            Set.of(
                "MONGODB_URI",
                "UUID_FIELD",
                "BACKEND_HOST",
                "BACKEND_PORT",
                "UPDATE_NAMESPACE",
                "API_COLLECTIONS",
                "MAX_BODY_BYTES",
                "CORS_ORIGINS",
                "PUBLIC_SOCKET_URL",
                "BACKEND_AUTH",
                "DEV_TOKENS",
                "DEV_TOKENS_ALLOW_REMOTE",
                "DEV_TOKEN_TTL_SECONDS"));
    names.addAll(JwtSettings.SETTING_NAMES);
    return Set.copyOf(names);
  }

  public final String mongoUri;
  public final String uuidField;
  public final String host;

  /** 0 binds any free port; {@link BackendServer#port()} tells which. */
  public final int port;

  public final Namespace updateNamespace;
  public final List<Namespace> apiCollections;
  public final int maxBodyBytes;
  public final List<String> corsOrigins;
  public final String publicSocketUrl;

  /** Token settings when {@code BACKEND_AUTH=jwt}, else null (everyone may write and read). */
  public final JwtSettings jwt;

  /** The HS256 settings tokens are minted with when {@code DEV_TOKENS=true}, else null. */
  public final JwtSettings devTokens;

  public final int devTokenTtlSeconds;

  private BackendConfig(Settings settings) {
    mongoUri = mongoUri(settings.string("MONGODB_URI", DEFAULT_MONGODB_URI));
    uuidField = uuidField(settings.string("UUID_FIELD", DEFAULT_UUID_FIELD));
    host = settings.string("BACKEND_HOST", DEFAULT_HOST);
    port = settings.integer("BACKEND_PORT", DEFAULT_PORT, 0, 65_535);
    updateNamespace =
        namespace(
            "UPDATE_NAMESPACE", settings.string("UPDATE_NAMESPACE", DEFAULT_UPDATE_NAMESPACE));
    apiCollections = namespaces(settings.list("API_COLLECTIONS", DEFAULT_API_COLLECTIONS));
    maxBodyBytes =
        settings.integer("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 2, MAX_BODY_BYTES_LIMIT);
    corsOrigins = corsOrigins(settings.list("CORS_ORIGINS", DEFAULT_CORS_ORIGINS));
    publicSocketUrl =
        publicSocketUrl(settings.string("PUBLIC_SOCKET_URL", DEFAULT_PUBLIC_SOCKET_URL));
    jwt = jwt(settings);
    devTokens = devTokens(settings, host);
    devTokenTtlSeconds =
        settings.integer(
            "DEV_TOKEN_TTL_SECONDS", DEFAULT_DEV_TOKEN_TTL_SECONDS, 10, MAX_DEV_TOKEN_TTL_SECONDS);
  }

  /**
   * DEV_TOKENS mints a token for any room to anyone who can reach the backend: it needs an HS256
   * secret, and a loopback BACKEND_HOST unless DEV_TOKENS_ALLOW_REMOTE=true says otherwise (the
   * compose demo, whose backend is reached only through its front).
   */
  private static JwtSettings devTokens(Settings settings, String host) {
    if (!flag(settings, "DEV_TOKENS")) {
      return null;
    }
    JwtSettings minting = JwtSettings.from(settings);
    if (!minting.hmac()) {
      throw new ConfigException("DEV_TOKENS=true needs ROOM_AUTH_JWT_SECRET (HS256) to sign with");
    }
    if (!isLoopback(host) && !flag(settings, "DEV_TOKENS_ALLOW_REMOTE")) {
      throw new ConfigException(
          "DEV_TOKENS=true hands out tokens to anyone: it needs a loopback BACKEND_HOST such as"
              + " 127.0.0.1 (got "
              + host
              + "), or DEV_TOKENS_ALLOW_REMOTE=true for a demo reached only through a trusted"
              + " front");
    }
    return minting;
  }

  private static boolean flag(Settings settings, String name) {
    String value = settings.string(name, "false");
    if (!"true".equals(value) && !"false".equals(value)) {
      throw Settings.invalid(name, value, "true or false");
    }
    return "true".equals(value);
  }

  private static boolean isLoopback(String host) {
    return "localhost".equals(host)
        || host.startsWith("127.")
        || "::1".equals(host)
        || "[::1]".equals(host);
  }

  private static JwtSettings jwt(Settings settings) {
    String mode = settings.string("BACKEND_AUTH", DEFAULT_BACKEND_AUTH);
    if ("open".equals(mode)) {
      return null;
    }
    if (!"jwt".equals(mode)) {
      throw Settings.invalid("BACKEND_AUTH", mode, "open or jwt");
    }
    return JwtSettings.from(settings);
  }

  /** Reads and validates; throws ConfigException naming the first bad variable. */
  public static BackendConfig from(Settings settings) {
    return new BackendConfig(settings.rejectUnknownFlags(SETTING_NAMES));
  }

  private static String mongoUri(String value) {
    if (!value.startsWith("mongodb://") && !value.startsWith("mongodb+srv://")) {
      throw Settings.invalid("MONGODB_URI", value, "a mongodb:// or mongodb+srv:// URI");
    }
    return value;
  }

  private static String uuidField(String value) {
    if (value.startsWith("$")
        || value.contains(".")
        || value.contains("\0")
        || "_id".equals(value)
        || "data".equals(value)) {
      throw Settings.invalid(
          "UUID_FIELD",
          value,
          "a top-level field name other than _id and data, without '$' or '.'");
    }
    return value;
  }

  private static Namespace namespace(String variable, String value) {
    return Namespace.parse(value)
        .orElseThrow(
            () ->
                Settings.invalid(
                    variable, value, "db.collection with valid names, not a system collection"));
  }

  private static List<Namespace> namespaces(List<String> values) {
    List<Namespace> result = new ArrayList<>();
    for (String value : values) {
      result.add(namespace("API_COLLECTIONS", value));
    }
    return List.copyOf(result);
  }

  private static List<String> corsOrigins(List<String> values) {
    for (String value : values) {
      if (!"*".equals(value) && !isOrigin(value)) {
        throw Settings.invalid(
            "CORS_ORIGINS", value, "a comma list of origins like http://host:port, or *");
      }
    }
    return values;
  }

  private static String publicSocketUrl(String value) {
    if (value.isEmpty() || "/".equals(value) || isOrigin(value) || isOrigin(trimSlash(value))) {
      return value;
    }
    // A path would be read by the Socket.IO client as a namespace, which the server does not use.
    throw Settings.invalid(
        "PUBLIC_SOCKET_URL",
        value,
        "unset, '/' (same origin as the page) or an origin such as https://host:port (no path)");
  }

  private static boolean isOrigin(String value) {
    return isHttpUrl(value) && URI.create(value).getRawPath().isEmpty();
  }

  private static String trimSlash(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return ("http".equals(scheme) || "https".equals(scheme))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
