package io.roomcast.common.config;

import com.mongodb.ConnectionString;
import io.roomcast.common.origin.AllowedOrigins;

/**
 * Settings that more than one process reads, declared once so that every process accepts and
 * refuses the same values.
 */
public final class SharedSettings {
  public static final String DEFAULT_MONGODB_URI = "mongodb://localhost:27017";
  public static final String DEFAULT_UUID_FIELD = "uuid";

  /** The dev page (8082) and the compose front (8080), by name and by loopback address. */
  public static final String DEFAULT_ORIGINS =
      "http://localhost:8082,http://127.0.0.1:8082,http://localhost:8080,http://127.0.0.1:8080";

  /** Every process parses the connection string with the driver's own parser, at startup. */
  public static final Setting<ConnectionString> MONGODB_URI =
      Setting.string(
              "MONGODB_URI",
              DEFAULT_MONGODB_URI,
              "MongoDB connection string, checked by the driver's parser at startup (never logged: it may hold a password)")
          .map(SharedSettings::connectionString)
          .secret();

  /**
   * {@code _id} is refused because the UUID is a second key beside it, {@code data} because the
   * backend's {@code POST /update} body uses that name for the document.
   */
  public static final Setting<String> UUID_FIELD =
      Setting.string(
              "UUID_FIELD",
              DEFAULT_UUID_FIELD,
              "top-level field holding the document UUID; not `_id` or `data`, no `$` or `.`")
          .map(SharedSettings::uuidField);

  /**
   * Logback reads this variable itself when logging starts (common's logback.xml picks the appender
   * named after it), before any configuration is parsed; declaring it here documents it and refuses
   * a bad value at startup (a bad value would otherwise silence the logs).
   */
  public static final Setting<String> LOG_FORMAT =
      Setting.string(
              "LOG_FORMAT",
              "text",
              "`text`: one readable line per event; `json`: one JSON object per line, for log "
                  + "shippers. Environment variable only (logging starts before flags are read)")
          .map(SharedSettings::logFormat);

  private SharedSettings() {}

  private static String logFormat(String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidValue(format, "text or json");
    }
    return format;
  }

  /** Browser origins, {@code *} for any; normalised and matched by {@link AllowedOrigins}. */
  public static Setting<AllowedOrigins> origins(String name, String description) {
    return Setting.list(name, DEFAULT_ORIGINS, description).map(AllowedOrigins::parse);
  }

  private static ConnectionString connectionString(String uri) {
    try {
      return new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      // The driver's message says what is wrong without repeating the value (which may hold a
      // password); it is kept so the operator knows what to fix.
      throw new InvalidValue(
          "",
          "a MongoDB connection string such as "
              + DEFAULT_MONGODB_URI
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  private static String uuidField(String name) {
    if (name.startsWith("$")
        || name.contains(".")
        || name.contains("\0")
        || "_id".equals(name)
        || "data".equals(name)) {
      throw new InvalidValue(
          name, "a top-level field name other than _id and data, without '$' or '.'");
    }
    return name;
  }
}
