package io.roomcast.embedded;

import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import io.roomcast.common.config.SharedSettings;
import java.time.Duration;
import java.util.List;

/**
 * The runnable embedded database's settings, declared once in {@link #SETTINGS} (README's table is
 * generated from them) and read once from environment variables and flags.
 */
public final class EmbeddedMongoConfig {
  /** Port of the runnable database by default: MongoDB's, so default connection strings work. */
  public static final int DEFAULT_PORT = 27017;

  /** Upper bound for the history event count: beyond this the ring's index would not fit. */
  public static final long MAX_HISTORY_EVENTS = 100_000_000;

  /** Smallest history byte bound accepted: room for a few events. */
  public static final long MIN_HISTORY_BYTES = 64 * 1024;

  public static final Setting<String> HOST =
      Setting.string(
          "EMBEDDED_MONGO_HOST",
          EmbeddedMongoOptions.DEFAULT_HOST,
          "where the embedded database listens");
  public static final Setting<Integer> PORT =
      Setting.integer(
          "EMBEDDED_MONGO_PORT",
          DEFAULT_PORT,
          0,
          65_535,
          "embedded database port; 0: any free port");
  public static final Setting<Long> HISTORY_EVENTS =
      Setting.number(
          "EMBEDDED_MONGO_HISTORY_EVENTS",
          EmbeddedMongoOptions.DEFAULT_HISTORY_EVENTS,
          1,
          MAX_HISTORY_EVENTS,
          "change events kept for resuming streams");
  public static final Setting<Long> HISTORY_BYTES =
      Setting.number(
          "EMBEDDED_MONGO_HISTORY_BYTES",
          EmbeddedMongoOptions.DEFAULT_HISTORY_BYTES,
          MIN_HISTORY_BYTES,
          Long.MAX_VALUE,
          "approximate memory of the change history kept for resuming streams, in bytes");

  public static final Setting<Integer> TTL_MONITOR_INTERVAL =
      Setting.integer(
          "EMBEDDED_MONGO_TTL_MONITOR_INTERVAL",
          (int) EmbeddedMongoOptions.DEFAULT_TTL_MONITOR_INTERVAL.toSeconds(),
          1,
          86_400,
          "seconds between two passes of the TTL monitor, which deletes the expired documents of"
              + " TTL indexes (MongoDB's `ttlMonitorSleepSecs`)");

  /** Every setting this component reads, in table order. */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          HOST,
          PORT,
          HISTORY_EVENTS,
          HISTORY_BYTES,
          TTL_MONITOR_INTERVAL,
          SharedSettings.LOG_FORMAT);

  private final EmbeddedMongoOptions options;

  private EmbeddedMongoConfig(EmbeddedMongoOptions options) {
    this.options = options;
  }

  /** Reads and validates; a bad value throws a ConfigException naming the variable. */
  public static EmbeddedMongoConfig from(Settings settings) {
    settings.rejectUnknownFlags(SETTINGS);
    SharedSettings.LOG_FORMAT.read(settings); // applied by Logback; read to refuse a bad value
    EmbeddedMongoOptions options =
        EmbeddedMongoOptions.defaults()
            .withHost(HOST.read(settings))
            .withPort(PORT.read(settings))
            .withHistoryEvents(HISTORY_EVENTS.read(settings))
            .withHistoryBytes(HISTORY_BYTES.read(settings))
            .withTtlMonitorInterval(Duration.ofSeconds(TTL_MONITOR_INTERVAL.read(settings)));
    return new EmbeddedMongoConfig(options);
  }

  public EmbeddedMongoOptions options() {
    return options;
  }
}
