package io.roomcast.embedded;

import io.roomcast.common.config.Settings;
import java.util.Set;

/** The runnable embedded database's settings, read once from environment variables and flags. */
public final class EmbeddedMongoConfig {
  public static final String HOST = "EMBEDDED_MONGO_HOST";
  public static final String PORT = "EMBEDDED_MONGO_PORT";
  public static final String HISTORY_EVENTS = "EMBEDDED_MONGO_HISTORY_EVENTS";
  public static final String HISTORY_BYTES = "EMBEDDED_MONGO_HISTORY_BYTES";

  /** Port of the runnable database by default: MongoDB's, so default connection strings work. */
  public static final int DEFAULT_PORT = 27017;

  /** Upper bound for the history event count: beyond this the ring's index would not fit. */
  public static final long MAX_HISTORY_EVENTS = 100_000_000;

  /** Smallest history byte bound accepted: room for a few events. */
  public static final long MIN_HISTORY_BYTES = 64 * 1024;

  public static final Set<String> NAMES = Set.of(HOST, PORT, HISTORY_EVENTS, HISTORY_BYTES);

  private final EmbeddedMongoOptions options;

  private EmbeddedMongoConfig(EmbeddedMongoOptions options) {
    this.options = options;
  }

  /** Reads and validates; a bad value throws a ConfigException naming the variable. */
  public static EmbeddedMongoConfig from(Settings settings) {
    settings.rejectUnknownFlags(NAMES);
    EmbeddedMongoOptions options =
        EmbeddedMongoOptions.defaults()
            .withHost(settings.string(HOST, EmbeddedMongoOptions.DEFAULT_HOST))
            .withPort(settings.integer(PORT, DEFAULT_PORT, 0, 65535))
            .withHistoryEvents(
                settings.number(
                    HISTORY_EVENTS,
                    EmbeddedMongoOptions.DEFAULT_HISTORY_EVENTS,
                    1,
                    MAX_HISTORY_EVENTS))
            .withHistoryBytes(
                settings.number(
                    HISTORY_BYTES,
                    EmbeddedMongoOptions.DEFAULT_HISTORY_BYTES,
                    MIN_HISTORY_BYTES,
                    Long.MAX_VALUE));
    return new EmbeddedMongoConfig(options);
  }

  public EmbeddedMongoOptions options() {
    return options;
  }
}
