package io.roomcast.socket.stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The change streams of all watched databases, over one MongoDB client. */
public final class ChangeStreams implements AutoCloseable {
  /** How long startup waits for the streams to open before going on without them. */
  public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreams.class);
  private static final String APPLICATION_NAME = "roomcast-socket-server";

  private final MongoClient client;
  private final List<ChangeStreamWatcher> watchers;

  private ChangeStreams(MongoClient client, List<ChangeStreamWatcher> watchers) {
    this.client = client;
    this.watchers = watchers;
  }

  /**
   * Starts one stream per database and waits up to {@link #OPEN_TIMEOUT} for all to be open. A
   * database that is not reachable yet does not stop startup: its stream keeps retrying.
   */
  public static ChangeStreams open(
      ConnectionString uri,
      List<String> databases,
      ChangeListener listener,
      StreamFailureListener failures) {
    MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(uri);
    if (uri.getApplicationName() == null) {
      settings.applicationName(APPLICATION_NAME);
    }
    MongoClient client = MongoClients.create(settings.build());
    List<ChangeStreamWatcher> watchers = new ArrayList<>();
    for (String database : databases) {
      watchers.add(new ChangeStreamWatcher(client, database, listener, failures));
    }
    ChangeStreams streams = new ChangeStreams(client, List.copyOf(watchers));
    watchers.forEach(ChangeStreamWatcher::start);
    streams.awaitOpen();
    return streams;
  }

  private void awaitOpen() {
    long deadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
    try {
      for (ChangeStreamWatcher watcher : watchers) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!watcher.awaitOpen(left)) {
          LOG.warn(
              "change streams not open after {} s (database unreachable?); changes flow once "
                  + "they open",
              OPEN_TIMEOUT.toSeconds());
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every stream's thread, then the client and its monitor threads. Idempotent. */
  @Override
  public void close() {
    watchers.forEach(ChangeStreamWatcher::close);
    client.close();
  }
}
