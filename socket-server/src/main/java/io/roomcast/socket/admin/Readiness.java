package io.roomcast.socket.admin;

import io.roomcast.common.health.Health;
import io.roomcast.socket.stream.ChangeStreams;
import io.roomcast.socket.stream.StreamState;
import io.roomcast.socket.stream.StreamStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether this node should get clients: it is not shutting down, and every watched database's
 * stream is open and no further behind than {@code READY_MAX_LAG}. A node whose stream has failed
 * keeps its clients connected but receiving nothing, so the load balancer must route new ones
 * elsewhere.
 */
public final class Readiness {
  private final Supplier<List<StreamStats>> streams;
  private final Duration maxLag;
  private volatile boolean shuttingDown;

  /**
   * @param streams the watched streams' current stats ({@link ChangeStreams#stats()})
   * @param maxLag {@code READY_MAX_LAG}
   */
  public Readiness(Supplier<List<StreamStats>> streams, Duration maxLag) {
    this.streams = streams;
    this.maxLag = maxLag;
  }

  /** From now on the node is not ready, for good. */
  public void shutDown() {
    shuttingDown = true;
  }

  /** The process works: it answers (the streams have their own check in readiness). */
  public static Health live() {
    return Health.of(Health.Check.passed("process", "running"));
  }

  public Health ready() {
    List<Health.Check> checks = new ArrayList<>();
    checks.add(
        shuttingDown
            ? Health.Check.failed("accepting", "shutting down")
            : Health.Check.passed("accepting", "accepting clients"));
    Instant now = Instant.now();
    for (StreamStats stream : streams.get()) {
      checks.add(streamCheck(stream, now));
    }
    return new Health(checks);
  }

  private Health.Check streamCheck(StreamStats stream, Instant now) {
    String name = "stream " + stream.database();
    if (stream.state() != StreamState.OPEN) {
      return Health.Check.failed(name, "stream " + stream.state().label());
    }
    Optional<Duration> lag = stream.lag(now);
    if (lag.isEmpty()) {
      return Health.Check.failed(name, "no reply from the database yet");
    }
    String detail = "lag " + lag.get().toMillis() + " ms";
    return lag.get().compareTo(maxLag) > 0
        ? Health.Check.failed(name, detail + " > READY_MAX_LAG=" + maxLag.toSeconds() + " s")
        : Health.Check.passed(name, detail);
  }
}
