package io.roomcast.embedded;

import java.time.Duration;

/**
 * Immutable settings of an {@link EmbeddedMongo}: listen address, change-history bounds and the TTL
 * monitor's interval. Start from {@link #defaults()} and change what you need; each {@code with...}
 * returns a new instance.
 */
public final class EmbeddedMongoOptions {
  /** Listen host by default: loopback only, as this is a development database. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Port 0: any free port, reported by {@link EmbeddedMongo#port()}. */
  public static final int DEFAULT_PORT = 0;

  /** Change events retained for resuming streams, by default. */
  public static final long DEFAULT_HISTORY_EVENTS = 100_000;

  /** Approximate memory the retained change events may use, by default (64 MiB). */
  public static final long DEFAULT_HISTORY_BYTES = 64L * 1024 * 1024;

  /** Time between two passes of the TTL monitor by default: MongoDB's ttlMonitorSleepSecs. */
  public static final Duration DEFAULT_TTL_MONITOR_INTERVAL = Duration.ofSeconds(60);

  private final String host;
  private final int port;
  private final long historyEvents;
  private final long historyBytes;
  private final Duration ttlMonitorInterval;

  private EmbeddedMongoOptions(
      String host, int port, long historyEvents, long historyBytes, Duration ttlMonitorInterval) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
    }
    if (historyEvents < 1) {
      throw new IllegalArgumentException("historyEvents must be at least 1, got " + historyEvents);
    }
    if (historyBytes < 1) {
      throw new IllegalArgumentException("historyBytes must be at least 1, got " + historyBytes);
    }
    if (ttlMonitorInterval == null || ttlMonitorInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "ttlMonitorInterval must be at least 1 ms, got " + ttlMonitorInterval);
    }
    this.host = host;
    this.port = port;
    this.historyEvents = historyEvents;
    this.historyBytes = historyBytes;
    this.ttlMonitorInterval = ttlMonitorInterval;
  }

  public static EmbeddedMongoOptions defaults() {
    return new EmbeddedMongoOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_HISTORY_EVENTS,
        DEFAULT_HISTORY_BYTES,
        DEFAULT_TTL_MONITOR_INTERVAL);
  }

  public EmbeddedMongoOptions withHost(String host) {
    return new EmbeddedMongoOptions(host, port, historyEvents, historyBytes, ttlMonitorInterval);
  }

  /** The port to listen on; 0 picks a free one. */
  public EmbeddedMongoOptions withPort(int port) {
    return new EmbeddedMongoOptions(host, port, historyEvents, historyBytes, ttlMonitorInterval);
  }

  /** At most this many change events are retained; older ones are trimmed. */
  public EmbeddedMongoOptions withHistoryEvents(long historyEvents) {
    return new EmbeddedMongoOptions(host, port, historyEvents, historyBytes, ttlMonitorInterval);
  }

  /** Retained change events use at most about this many bytes; older ones are trimmed. */
  public EmbeddedMongoOptions withHistoryBytes(long historyBytes) {
    return new EmbeddedMongoOptions(host, port, historyEvents, historyBytes, ttlMonitorInterval);
  }

  /** How often the TTL monitor deletes the expired documents of TTL indexes. */
  public EmbeddedMongoOptions withTtlMonitorInterval(Duration ttlMonitorInterval) {
    return new EmbeddedMongoOptions(host, port, historyEvents, historyBytes, ttlMonitorInterval);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public long historyEvents() {
    return historyEvents;
  }

  public long historyBytes() {
    return historyBytes;
  }

  public Duration ttlMonitorInterval() {
    return ttlMonitorInterval;
  }

  @Override
  public String toString() {
    return host
        + ":"
        + port
        + ", history "
        + historyEvents
        + " events / "
        + historyBytes
        + " bytes, TTL monitor every "
        + ttlMonitorInterval;
  }
}
