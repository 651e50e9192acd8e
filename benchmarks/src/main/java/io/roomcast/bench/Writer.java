package io.roomcast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes at a fixed rate for a fixed time: every tick (5 ms) the writes that are due by then go out
 * as one batch, so the rate holds even when one write takes longer than 1/rate. Write {@code seq}
 * goes to room {@code seq % rooms} (what {@link Tally} expects). A feed slower than the rate falls
 * behind; the writes actually made are returned and reported.
 */
final class Writer {
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final int MAX_BATCH = 2_000;

  private Writer() {}

  /** Writes {@code rate} changes a second for {@code seconds}; returns how many were written. */
  static long run(Feed feed, List<String> rooms, int step, int rate, double seconds)
      throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long written = 0;
    long total = (long) (rate * seconds);
    for (long now = start; now < end && written < total; now = System.nanoTime()) {
      long due = Math.min(total, (long) ((now - start) / 1e9 * rate));
      if (due > written) {
        List<Feed.Change> batch = new ArrayList<>();
        long sentMicros = System.nanoTime() / 1000;
        for (; written < due && batch.size() < MAX_BATCH; written++) {
          batch.add(
              new Feed.Change(
                  rooms.get((int) (written % rooms.size())), step, written, sentMicros));
        }
        feed.publish(batch);
      }
      long sleep = TICK_NANOS - (System.nanoTime() - now);
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep); // the writer's pacing: this thread only writes
      }
    }
    return written;
  }
}
