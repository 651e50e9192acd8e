package io.roomcast.socket.snapshot;

import com.mongodb.ClientSessionOptions;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNamespace;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.roomcast.socket.emit.ChangeEncoder;
import io.roomcast.socket.replay.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.BsonTimestamp;

/**
 * Reads the current documents of rooms at one cluster time T, in every collection of the watched
 * databases. All reads of one snapshot run in a MongoDB snapshot session ({@code readConcern:
 * "snapshot"}): the first find fixes T ({@code atClusterTime}, majority-committed on a replica
 * set), every later find of the session reads at T, so collections are consistent with each other
 * and T splits the change stream exactly. Causally consistent majority reads would not do: each
 * read sees "at least" its cluster time, not one common point. Everything is asynchronous (the
 * reactive driver completes the stage); reads use a client of their own, whose pool is bounded by
 * {@code SNAPSHOT_MAX_CONCURRENT}, so they never wait behind the change streams' long getMores.
 */
public final class SnapshotReader implements AutoCloseable {
  private static final ClientSessionOptions SNAPSHOT =
      ClientSessionOptions.builder().snapshot(true).build();

  private final MongoClient client;
  private final List<String> databases;
  private final String uuidField;
  private final ChangeEncoder encoder;
  private final SnapshotSettings settings;

  public SnapshotReader(
      ConnectionString uri, List<String> databases, String uuidField, SnapshotSettings settings) {
    this.client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToConnectionPoolSettings(pool -> pool.maxSize(settings.maxConcurrent()))
                .applicationName("roomcast-socket-server-snapshots")
                .build());
    this.databases = List.copyOf(databases);
    this.uuidField = uuidField;
    this.encoder = new ChangeEncoder(uuidField);
    this.settings = settings;
  }

  /** The documents of these rooms (canonical names) at one cluster time, and its position. */
  public CompletionStage<Snapshot> read(Set<String> rooms) {
    return collections()
        .thenCompose(
            namespaces ->
                Publishers.first(client.startSession(SNAPSHOT))
                    .thenCompose(session -> readIn(session, rooms, namespaces)));
  }

  private CompletableFuture<Snapshot> readIn(
      ClientSession session, Set<String> rooms, List<MongoNamespace> namespaces) {
    SnapshotRun run = new SnapshotRun(client, session, rooms, uuidField, encoder, settings);
    List<MongoNamespace> first = namespaces.isEmpty() ? List.of(clockOnly()) : namespaces;
    return run.read(first)
        // A collection created between the listing and T holds documents at T too: list again.
        .thenCompose(done -> collections())
        .thenCompose(now -> run.readLate(now.stream().filter(n -> !first.contains(n)).toList()))
        .thenApply(done -> run.result(position(session.getSnapshotTimestamp())))
        .whenComplete((snapshot, error) -> session.close());
  }

  /** Every collection of the watched databases, without system collections. */
  private CompletableFuture<List<MongoNamespace>> collections() {
    CompletableFuture<List<MongoNamespace>> all = CompletableFuture.completedFuture(List.of());
    for (String database : databases) {
      CompletableFuture<List<String>> names =
          Publishers.all(client.getDatabase(database).listCollectionNames());
      all =
          all.thenCombine(
              names,
              (sofar, more) -> {
                List<MongoNamespace> joined = new ArrayList<>(sofar);
                more.stream()
                    .filter(name -> !name.startsWith("system."))
                    .sorted()
                    .forEach(name -> joined.add(new MongoNamespace(database, name)));
                return joined;
              });
    }
    return all;
  }

  /** A collection that need not exist: its find only fixes T when there is nothing to read. */
  private MongoNamespace clockOnly() {
    return new MongoNamespace(databases.get(0), "roomcast.snapshot-time");
  }

  private static Position position(BsonTimestamp time) {
    if (time == null) {
      throw new IllegalStateException("the database did not report the snapshot's cluster time");
    }
    return Position.afterClusterTime(time);
  }

  @Override
  public void close() {
    client.close();
  }
}
