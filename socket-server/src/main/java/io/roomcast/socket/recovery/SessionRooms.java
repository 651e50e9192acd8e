package io.roomcast.socket.recovery;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of recoverable sessions, kept in MongoDB ({@code roomcast_sessions}: {@code {_id:
 * <session id>, rooms: [...], expiresAt}}, a TTL index on {@code expiresAt}) so that any node, a
 * restarted one included, finds them. Writes leave the event loops at once: one thread owns the
 * sessions' last known rooms and a bounded, coalescing queue of records, flushed in bulk one batch
 * at a time; while a session is connected its record is rewritten every third of the TTL, and once
 * more when it disconnects, so a record outlives its session's last sign of life by the TTL. The
 * rewrites are spread over that third in {@link #REFRESH_SLICES} slices of the sessions (by their
 * id's hash), so that the database gets a steady trickle instead of a node's whole population at
 * once (a burst of 2,000 upserts every 40 s put a 40-100 ms tail on fan-out in the benchmark).
 */
public final class SessionRooms implements AutoCloseable {
  public static final String COLLECTION = "roomcast_sessions";
  static final int BATCH = 500;
  static final int REFRESH_SLICES = 40;
  static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(SessionRooms.class);

  private final MongoCollection<Document> sessions;
  private final Duration ttl;
  private final Clock clock;
  private final Runnable dropped;
  private final ScheduledExecutorService owner;

  /** The connection (netty-socketio's sid) a session is on now, and its rooms. */
  private record Connection(UUID sid, Set<String> rooms) {}

  // Owned by the owner thread:
  private final Map<String, Connection> connected = new HashMap<>();
  private final PendingWrites pending;
  private int nextSlice;
  private boolean flushing;
  private boolean failing;

  SessionRooms(
      MongoCollection<Document> sessions,
      Duration ttl,
      int maxPending,
      Clock clock,
      Runnable dropped) {
    this.sessions = sessions;
    this.ttl = ttl;
    this.clock = clock;
    this.dropped = dropped;
    this.pending = new PendingWrites(maxPending);
    this.owner =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "recovery-sessions");
              thread.setDaemon(true);
              return thread;
            });
    long slice = Math.max(1, ttl.toMillis() / 3 / REFRESH_SLICES);
    owner.scheduleWithFixedDelay(this::refreshSlice, slice, slice, TimeUnit.MILLISECONDS);
    FirstResult.of(
            sessions.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)))
        .whenComplete(
            (name, error) -> {
              if (error != null && !owner.isShutdown()) { // not when the start failed meanwhile
                LOG.warn("cannot create the TTL index of {}: {}", COLLECTION, error.toString());
              }
            });
  }

  /** The rooms of a session, now on connection {@code sid}, changed (any thread; never blocks). */
  public void roomsChanged(String sessionId, UUID sid, Set<String> rooms) {
    Connection connection = new Connection(sid, Set.copyOf(rooms));
    owner.execute(
        () -> {
          connected.put(sessionId, connection);
          queue(sessionId, connection.rooms());
          flush();
        });
  }

  /**
   * Connection {@code sid} of a session ended: the record is kept for the TTL from now (any
   * thread). An older connection of a session that has moved on (its end noticed late, as a polling
   * one's is) changes nothing.
   */
  public void disconnected(String sessionId, UUID sid) {
    owner.execute(
        () -> {
          Connection connection = connected.get(sessionId);
          if (connection != null && connection.sid().equals(sid)) {
            connected.remove(sessionId);
            queue(sessionId, connection.rooms());
            flush();
          }
        });
  }

  /**
   * Ends a session for good: its record is deleted (any thread); completes once it is, or failed.
   */
  public CompletableFuture<Void> forget(String sessionId) {
    CompletableFuture<Void> forgotten = new CompletableFuture<>();
    owner.execute(
        () -> {
          connected.remove(sessionId);
          pending.remove(sessionId);
          FirstResult.of(sessions.deleteOne(Filters.eq("_id", sessionId)))
              .whenComplete((result, error) -> forgotten.complete(null));
        });
    return forgotten;
  }

  /** The rooms of an unexpired session; empty when there is none (or the lookup failed). */
  public CompletableFuture<Optional<Set<String>>> load(String sessionId) {
    return FirstResult.of(
            sessions
                .find(
                    Filters.and(
                        Filters.eq("_id", sessionId),
                        Filters.gt("expiresAt", Date.from(clock.instant()))))
                .first())
        .orTimeout(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            found ->
                Optional.ofNullable(found)
                    .map(document -> Set.copyOf(document.getList("rooms", String.class))));
  }

  /**
   * Rewrites the records of one slice of the connected sessions; each slice's turn comes once per
   * third of the TTL.
   */
  private void refreshSlice() {
    int slice = nextSlice;
    nextSlice = (nextSlice + 1) % REFRESH_SLICES;
    connected.forEach(
        (sessionId, connection) -> {
          if (sliceOf(sessionId) == slice) {
            queue(sessionId, connection.rooms());
          }
        });
    flush();
  }

  static int sliceOf(String sessionId) {
    return Math.floorMod(sessionId.hashCode(), REFRESH_SLICES);
  }

  private void queue(String sessionId, Set<String> rooms) {
    if (!pending.put(sessionId, rooms)) {
      dropped.run();
    }
  }

  private void flush() {
    if (flushing || pending.size() == 0) {
      return;
    }
    Date expiresAt = Date.from(clock.instant().plus(ttl));
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (PendingWrites.Write write : pending.take(BATCH)) {
      Document record =
          new Document("_id", write.sessionId())
              .append("rooms", List.copyOf(write.rooms()))
              .append("expiresAt", expiresAt);
      writes.add(
          new ReplaceOneModel<>(
              Filters.eq("_id", write.sessionId()), record, new ReplaceOptions().upsert(true)));
    }
    flushing = true;
    FirstResult.of(sessions.bulkWrite(writes))
        .whenComplete((result, error) -> owner.execute(() -> flushed(error, writes.size())));
  }

  private void flushed(Throwable error, int records) {
    flushing = false;
    if (error != null && !failing) {
      LOG.warn("cannot write {} session records to {}: {}", records, COLLECTION, error.toString());
    } else if (error == null && failing) {
      LOG.info("session records written to {} again", COLLECTION);
    }
    failing = error != null;
    flush();
  }

  @Override
  public void close() {
    owner.shutdownNow();
  }
}
