package io.roomcast.socket.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roomcast.socket.stream.StreamRestartListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The socket server's own meters, each created once here with its labels, so that the event paths
 * only increment: a new counter is one field and one method (e.g. {@code clientDropped(reason)}
 * with an enum of reasons). Gauges that read state at scrape time are bound by {@link
 * SocketGauges}. Names and labels are listed in docs/deploy.md.
 */
public final class SocketMetrics implements StreamRestartListener {
  /** Why a {@code JoinRoom} or {@code LeaveRoom} was refused: the {@code reason} label. */
  public enum Refusal {
    INVALID_REQUEST("invalid_request"),
    ROOM_LIMIT("room_limit"),
    NOT_AUTHORIZED("not_authorized"),
    AUTH_UNAVAILABLE("auth_unavailable"),
    SNAPSHOT_UNAVAILABLE("snapshot_unavailable");

    private final String label;

    Refusal(String label) {
      this.label = label;
    }
  }

  /** How a connection state recovery attempt ended: the {@code outcome} label. */
  public enum Recovery {
    RECOVERED("recovered"),
    EXPIRED("expired"),
    INVALID("invalid"),
    NO_OFFSET("no_offset"),
    UNAVAILABLE("unavailable");

    private final String label;

    Recovery(String label) {
      this.label = label;
    }
  }

  /** Where a join with a position got its changes: the {@code source} label. */
  public enum ReplaySource {
    WINDOW("window"),
    MONGODB("mongodb"),
    NONE("none");

    private final String label;

    ReplaySource(String label) {
      this.label = label;
    }
  }

  /** Bucket bounds of the delivery latency histogram. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Counter joins;
  private final Counter leaves;
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
  private final Map<Recovery, Counter> recoveries = new EnumMap<>(Recovery.class);
  private final Counter recoveryRoomsRefused;
  private final Counter sessionWritesDropped;
  private final Timer deliveryLatency;
  private final ChangeCounters changes;
  private final Map<ReplaySource, Counter> recovered = new EnumMap<>(ReplaySource.class);
  private final Map<ReplaySource, Counter> resyncs = new EnumMap<>(ReplaySource.class);
  private final Counter replayRefusals;
  private final Counter replayedChanges;
  private final Counter catchUpCursors;

  public SocketMetrics(MeterRegistry registry) {
    this.registry = registry;
    joins =
        Counter.builder("roomcast.room.joins")
            .description("rooms joined (one per room per JoinRoom)")
            .register(registry);
    leaves =
        Counter.builder("roomcast.room.leaves")
            .description("rooms left by LeaveRoom (disconnects leave without counting)")
            .register(registry);
    for (Refusal refusal : Refusal.values()) {
      refusals.put(
          refusal,
          Counter.builder("roomcast.room.refusals")
              .description("JoinRoom/LeaveRoom requests refused, by reason")
              .tag("reason", refusal.label)
              .register(registry));
    }
    for (Recovery outcome : Recovery.values()) {
      recoveries.put(
          outcome,
          Counter.builder("roomcast.recovery.attempts")
              .description("reconnects that asked for connection state recovery, by outcome")
              .tag("outcome", outcome.label)
              .register(registry));
    }
    recoveryRoomsRefused =
        Counter.builder("roomcast.recovery.rooms.refused")
            .description("rooms of recovered sessions not restored: no longer authorized")
            .register(registry);
    sessionWritesDropped =
        Counter.builder("roomcast.recovery.session.writes.dropped")
            .description("session records not written: too many waiting (limit: 2 x MAX_CLIENTS)")
            .register(registry);
    deliveryLatency =
        Timer.builder("roomcast.delivery.latency")
            .description("from the change's time on the database to its hand-over to the clients")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    changes = new ChangeCounters(registry);
    for (ReplaySource source : ReplaySource.values()) {
      recovered.put(source, replays(registry, "recovered", source));
      resyncs.put(source, replays(registry, "resync", source));
    }
    replayRefusals =
        Counter.builder("roomcast.replay.joins")
            .description(
                "JoinRoom requests with `since`, by outcome and where the changes came from")
            .tags("outcome", "refused", "source", ReplaySource.NONE.label)
            .register(registry);
    replayedChanges =
        Counter.builder("roomcast.replay.changes")
            .description("changes replayed to rejoining clients")
            .register(registry);
    catchUpCursors =
        Counter.builder("roomcast.catchup.cursors.opened")
            .description("change-stream cursors opened to read positions older than the window")
            .register(registry);
  }

  private static Counter replays(MeterRegistry registry, String outcome, ReplaySource source) {
    return Counter.builder("roomcast.replay.joins")
        .description("JoinRoom requests with `since`, by outcome and where the changes came from")
        .tags("outcome", outcome, "source", source.label)
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void roomsJoined(int rooms) {
    joins.increment(rooms);
  }

  public void roomsLeft(int rooms) {
    leaves.increment(rooms);
  }

  public void refused(Refusal reason) {
    refusals.get(reason).increment();
  }

  public void recovery(Recovery outcome) {
    recoveries.get(outcome).increment();
  }

  public void recoveryRoomsRefused(int rooms) {
    recoveryRoomsRefused.increment(rooms);
  }

  public void sessionWriteDropped() {
    sessionWritesDropped.increment();
  }

  /** One change event read from a stream. */
  public void changeReceived(String database, String collection, String operation) {
    changes.increment(database, collection, operation);
  }

  /** A change was handed to its room's clients this long after it happened; -1: unknown. */
  public void handedToClients(long millisSinceChange) {
    if (millisSinceChange >= 0) {
      deliveryLatency.record(millisSinceChange, TimeUnit.MILLISECONDS);
    }
  }

  /** A join with a position ended: recovered with {@code changes} replayed, or resync. */
  public void replayed(boolean wasRecovered, ReplaySource source, int changes) {
    (wasRecovered ? recovered : resyncs).get(source).increment();
    replayedChanges.increment(changes);
  }

  /** A join with a position was refused (too many waiting); nothing was done. */
  public void replayRefused() {
    replayRefusals.increment();
  }

  /** A catch-up cursor was opened on MongoDB. */
  public void catchUpCursorOpened() {
    catchUpCursors.increment();
  }

  /** Restarts are rare: their counter is looked up (and created once) when one happens. */
  @Override
  public void onRestart(String database, String cause) {
    Counter.builder("roomcast.stream.restarts")
        .description("change streams reopened, by cause (error class, invalidate, completed)")
        .tags("database", database, "cause", cause)
        .register(registry)
        .increment();
  }
}
