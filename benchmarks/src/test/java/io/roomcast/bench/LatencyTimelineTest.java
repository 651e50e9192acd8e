package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where in a step the slow deliveries were written. */
class LatencyTimelineTest {
  private static final long START = 5_000_000_000L; // any monotonic micros

  private final LatencyTimeline timeline = new LatencyTimeline();

  private void event(double atSeconds, int latencyMillis) {
    timeline.record(START + (long) (atSeconds * 1_000_000), latencyMillis * 1000L);
  }

  @Test
  void runsOfSlowWindowsAreJoinedAndPlacedByWriteTime() {
    event(0, 3);
    event(1.25, 60);
    event(1.35, 281);
    event(1.45, 80);
    event(2.0, 49); // under the threshold
    event(9.95, 50); // reaches it
    assertEquals("1.2–1.5 s (worst 281 ms), 9.9–10.0 s (worst 50 ms)", timeline.slowRuns(50));
  }

  @Test
  void aQuietStepHasNoneAndResetForgetsThePreviousStep() {
    event(0, 3);
    event(0.5, 500);
    timeline.reset();
    event(7, 3); // the next step's first event is its time zero
    event(7.05, 4);
    assertEquals("none", timeline.slowRuns(50));
  }

  @Test
  void showsFiveRunsAndCountsTheRestAndCapsAnHourLongStep() {
    event(0, 1);
    for (int run = 0; run < 8; run++) {
      event(run, 100);
    }
    event(5_000, 70); // past an hour: counted in the last window
    assertEquals(
        "0.0–0.1 s (worst 100 ms), 1.0–1.1 s (worst 100 ms), 2.0–2.1 s (worst 100 ms),"
            + " 3.0–3.1 s (worst 100 ms), 4.0–4.1 s (worst 100 ms) and 4 more",
        timeline.slowRuns(50));
  }
}
