package io.roomcast.embedded;

import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.capture.PreImageSettings;
import io.roomcast.embedded.history.ChangeHistory;
import io.roomcast.embedded.history.HistoryStats;
import io.roomcast.embedded.snapshot.SnapshotReads;
import io.roomcast.embedded.stream.ChangeStreams;
import io.roomcast.embedded.ttl.TtlIndexes;
import io.roomcast.embedded.ttl.TtlMonitor;
import io.roomcast.embedded.wire.EmbeddedWireServer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory, MongoDB-wire-compatible development database (mongo-java-server underneath) whose
 * change streams behave like MongoDB's. Nothing is written to disk: everything is lost on close.
 *
 * <pre>{@code
 * try (EmbeddedMongo db = EmbeddedMongo.start()) {
 *   MongoClient client = MongoClients.create(db.connectionString());
 *   ...
 * }
 * }</pre>
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final EmbeddedMongoOptions options;
  private final ChangeHistory history;
  private final CapturingBackend backend;
  private final EmbeddedWireServer server;
  private final TtlMonitor ttlMonitor;
  private final int port;
  private boolean closed;

  private EmbeddedMongo(
      EmbeddedMongoOptions options,
      ChangeHistory history,
      CapturingBackend backend,
      EmbeddedWireServer server,
      TtlMonitor ttlMonitor) {
    this.options = options;
    this.history = history;
    this.backend = backend;
    this.server = server;
    this.ttlMonitor = ttlMonitor;
    this.port = server.port();
  }

  /** Starts on 127.0.0.1 and a free port, with the default history bounds. */
  public static EmbeddedMongo start() {
    return start(EmbeddedMongoOptions.defaults());
  }

  /**
   * Starts with these options.
   *
   * @throws IllegalStateException when the address cannot be bound (e.g. the port is taken)
   */
  public static EmbeddedMongo start(EmbeddedMongoOptions options) {
    ChangeHistory history = new ChangeHistory(options.historyEvents(), options.historyBytes());
    PreImageSettings preImages = new PreImageSettings();
    TtlIndexes ttlIndexes = new TtlIndexes();
    CapturingBackend backend = new CapturingBackend(history, preImages, ttlIndexes);
    ChangeStreams streams = new ChangeStreams(history, backend::currentDocument);
    EmbeddedWireServer server;
    try {
      server =
          EmbeddedWireServer.bind(
              options.host(),
              options.port(),
              backend,
              streams,
              preImages,
              new SnapshotReads(backend, history),
              ttlIndexes);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    TtlMonitor ttlMonitor =
        TtlMonitor.start(
            backend,
            ttlIndexes,
            options.ttlMonitorInterval(),
            "embedded-mongo-ttl-" + server.port());
    EmbeddedMongo mongo = new EmbeddedMongo(options, history, backend, server, ttlMonitor);
    log.info(
        "Embedded MongoDB started: in-memory development database, NO durability (all data is"
            + " lost on stop), at {} (change history: {} events / {} bytes; TTL monitor every {})",
        mongo.connectionString(),
        options.historyEvents(),
        options.historyBytes(),
        readable(options.ttlMonitorInterval()));
    return mongo;
  }

  /** The port actually bound. */
  public int port() {
    return port;
  }

  /** {@code mongodb://<host>:<port>} */
  public String connectionString() {
    return "mongodb://" + hostForUri() + ":" + port();
  }

  /** Size of the change history and the work change-stream reads did (diagnostics, tests). */
  public HistoryStats historyStats() {
    return history.stats();
  }

  /** Stops the server: closes every connection and stops all its threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ttlMonitor.close();
    server.close();
    backend.close();
    log.info("Embedded MongoDB on port {} stopped; its data is gone", port);
  }

  private static String readable(Duration interval) {
    long millis = interval.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private String hostForUri() {
    String host = options.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      return "127.0.0.1"; // listening on every interface: loopback reaches it
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
