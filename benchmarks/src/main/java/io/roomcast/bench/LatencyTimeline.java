package io.roomcast.bench;

import java.util.Arrays;

/**
 * The worst latency of each 100 ms of a step's writing time (by when the writer stamped the event),
 * so that a step's tail can be placed in time: one GC cycle, JIT burst or database hiccup shows as
 * one run of slow windows, a server that cannot keep up as a ramp. Owned by the fleet's event loop,
 * like {@link Tally}; holds at most {@link #MAX_WINDOWS} windows (an hour), later events count in
 * the last one.
 */
final class LatencyTimeline {
  static final int WINDOW_MICROS = 100_000;
  static final int MAX_WINDOWS = 36_000;
  private static final int MAX_RUNS_SHOWN = 5;

  private long[] worst = new long[600];
  private long firstSentMicros = -1;
  private int windows;

  void reset() {
    Arrays.fill(worst, 0, windows, 0);
    windows = 0;
    firstSentMicros = -1;
  }

  void record(long sentMicros, long latencyMicros) {
    if (firstSentMicros < 0) {
      firstSentMicros = sentMicros;
    }
    long offset = Math.max(0, sentMicros - firstSentMicros) / WINDOW_MICROS;
    int window = (int) Math.min(MAX_WINDOWS - 1, offset);
    if (window >= worst.length) {
      worst = Arrays.copyOf(worst, Math.min(MAX_WINDOWS, Math.max(window + 1, worst.length * 2)));
    }
    worst[window] = Math.max(worst[window], latencyMicros);
    windows = Math.max(windows, window + 1);
  }

  /**
   * The runs of consecutive windows whose worst latency reached {@code thresholdMillis}, as
   * "from–to s (worst N ms)", at most five, the count of the rest after them; "none" when there are
   * none.
   */
  String slowRuns(int thresholdMillis) {
    long threshold = thresholdMillis * 1000L;
    StringBuilder runs = new StringBuilder();
    int shown = 0;
    int more = 0;
    for (int at = 0; at < windows; at++) {
      if (worst[at] < threshold) {
        continue;
      }
      int end = at;
      long peak = worst[at];
      while (end + 1 < windows && worst[end + 1] >= threshold) {
        peak = Math.max(peak, worst[++end]);
      }
      if (shown++ < MAX_RUNS_SHOWN) {
        runs.append(runs.length() == 0 ? "" : ", ")
            .append(
                String.format(
                    "%.1f–%.1f s (worst %d ms)", seconds(at), seconds(end + 1), peak / 1000));
      } else {
        more++;
      }
      at = end;
    }
    if (shown == 0) {
      return "none";
    }
    return more == 0 ? runs.toString() : runs + " and " + more + " more";
  }

  /** Where window {@code window} starts, in seconds from the step's first event. */
  private static double seconds(int window) {
    return window * (double) WINDOW_MICROS / 1_000_000;
  }
}
