package io.roomcast.bench;

import org.HdrHistogram.Histogram;

/**
 * What the clients of one fleet saw in one step (a copy, safe to read off the event loop); {@code
 * slowWindows}: when in the step's writing time the latency reached {@link Tally#SLOW_MILLIS}
 * ({@link LatencyTimeline#slowRuns}); {@code disconnected}: joined clients the server dropped since
 * the fleet connected.
 */
record StepCounts(
    long expected,
    long received,
    long missing,
    long duplicates,
    long stale,
    Histogram latencyMicros,
    String slowWindows,
    long lastReceiptMicros,
    int disconnected,
    int failures,
    String firstFailure) {

  double percentileMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? Double.NaN
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
  }

  double deliveredPercent() {
    return expected == 0 ? Double.NaN : 100.0 * (expected - missing) / expected;
  }
}
