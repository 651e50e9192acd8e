package io.roomcast.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The load generator's accounting for one fleet of clients, owned by its single event loop (every
 * method runs there; the benchmark reaches it through {@link Fleet}). Per step: events received,
 * per-client duplicates and missing sequence numbers, and write-to-receipt latency.
 *
 * <p>The writer numbers a step's writes 0, 1, 2, ... and sends write {@code seq} to room {@code seq
 * % rooms}, so a client of room r expects {@code seq = r, r + rooms, ...}: index {@code seq /
 * rooms} in its {@code seen} set.
 */
final class Tally {
  private static final long HOUR_MICROS = 3_600_000_000L;

  /** A 100 ms window whose worst latency reaches this is reported (the p99 target). */
  static final int SLOW_MILLIS = 50;

  private final int rooms;
  private final List<EioClient> clients = new ArrayList<>();
  private final Histogram latencyMicros = new Histogram(HOUR_MICROS, 3);
  private final LatencyTimeline timeline = new LatencyTimeline();
  private int step = -1;
  private long received;
  private long duplicates;
  private long stale;
  private long lastReceiptMicros;
  private int joined;
  private int disconnected;
  private boolean closing;
  private int failures;
  private String firstFailure = "";

  Tally(int rooms) {
    this.rooms = rooms;
  }

  void add(EioClient client) {
    clients.add(client);
  }

  void begin(int newStep) {
    step = newStep;
    clients.forEach(client -> client.seen.clear());
    latencyMicros.reset();
    timeline.reset();
    received = 0;
    duplicates = 0;
    stale = 0;
  }

  void received(EioClient client, int eventStep, long seq, long sentMicros) {
    long now = System.nanoTime() / 1000;
    if (eventStep != step) {
      stale++;
      return;
    }
    received++;
    int index = (int) (seq / rooms);
    if (client.seen.get(index)) {
      duplicates++;
    } else {
      client.seen.set(index);
    }
    long latency = Math.min(HOUR_MICROS, Math.max(0, now - sentMicros));
    latencyMicros.recordValue(latency);
    timeline.record(sentMicros, latency);
    lastReceiptMicros = now;
  }

  void joined() {
    joined++;
  }

  int joinedCount() {
    return joined;
  }

  /** A joined client's connection ended (the server dropped it, unless the fleet is closing). */
  void disconnected() {
    if (!closing) {
      disconnected++;
    }
  }

  void closing() {
    closing = true;
  }

  void failed(String description) {
    if (failures++ == 0) {
      firstFailure = description;
    }
  }

  long receivedSoFar() {
    return received;
  }

  /** The step's figures, given how many writes the writer made in it. */
  StepCounts finish(long written) {
    long expected = 0;
    long missing = 0;
    for (EioClient client : clients) {
      long forRoom =
          written > client.roomIndex ? (written - client.roomIndex + rooms - 1) / rooms : 0;
      expected += forRoom;
      missing += Math.max(0, forRoom - client.seen.cardinality());
    }
    return new StepCounts(
        expected,
        received,
        missing,
        duplicates,
        stale,
        latencyMicros.copy(),
        timeline.slowRuns(SLOW_MILLIS),
        lastReceiptMicros,
        disconnected,
        failures,
        firstFailure);
  }
}
