package io.roomcast.socket.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.health.Health;
import io.roomcast.socket.stream.StreamState;
import io.roomcast.socket.stream.StreamStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each way a node stops being ready, and the check each one names. */
class ReadinessTest {
  private static final Duration MAX_LAG = Duration.ofSeconds(30);
  private final AtomicReference<List<StreamStats>> streams = new AtomicReference<>();
  private final Readiness readiness = new Readiness(streams::get, MAX_LAG);

  private static StreamStats stream(String database, StreamState state, Instant caughtUpTo) {
    return new StreamStats(database, 0, 0, null, state, caughtUpTo);
  }

  @Test
  void readyWhenEveryStreamIsOpenAndWithinTheLag() {
    streams.set(
        List.of(
            stream("app", StreamState.OPEN, Instant.now()),
            stream("other", StreamState.OPEN, Instant.now().minusSeconds(29))));
    Health health = readiness.ready();
    assertTrue(health.ok(), health.json());
    assertEquals(200, health.httpStatus());
  }

  @Test
  void aLaggingStreamIsNamedWithItsLagAndTheThreshold() {
    streams.set(
        List.of(
            stream("app", StreamState.OPEN, Instant.now()),
            stream("other", StreamState.OPEN, Instant.now().minusSeconds(31))));
    Health health = readiness.ready();
    assertEquals(503, health.httpStatus());
    assertTrue(health.json().contains("\"failed\":[\"stream other\"]"), health.json());
    assertTrue(health.json().contains("> READY_MAX_LAG=30 s"), health.json());
  }

  @Test
  void aStreamNotOpenOrNeverAnsweredIsNotReady() {
    streams.set(List.of(stream("app", StreamState.CONNECTING, Instant.now())));
    assertTrue(readiness.ready().json().contains("stream connecting"));
    streams.set(List.of(stream("app", StreamState.OPEN, null)));
    assertTrue(readiness.ready().json().contains("no reply from the database yet"));
    assertFalse(readiness.ready().ok());
  }

  @Test
  void shuttingDownIsNotReadyForGood() {
    streams.set(List.of(stream("app", StreamState.OPEN, Instant.now())));
    readiness.shutDown();
    Health health = readiness.ready();
    assertTrue(health.json().contains("\"failed\":[\"accepting\"]"), health.json());
  }
}
