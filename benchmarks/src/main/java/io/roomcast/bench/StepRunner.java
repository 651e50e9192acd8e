package io.roomcast.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one step against a connected fleet: the writer at a fixed rate for the step's time, then a
 * wait (at most {@code --drain} seconds) for the deliveries still on their way, and reads the
 * server's CPU time and GC log around it.
 */
final class StepRunner {
  private static final long SELF = ProcessHandle.current().pid();

  private final Options options;
  private int nextStep;

  StepRunner(Options options) {
    this.options = options;
  }

  Row run(
      Target target,
      Fleet fleet,
      String scenario,
      List<String> rooms,
      int clients,
      int rate,
      double seconds)
      throws Exception {
    int step = nextStep++;
    fleet.begin(step);
    long gcMark = target.gcMark();
    double cpuBefore = target.server().cpuSeconds();
    long wireBefore = ProcStats.tcpBytesSent(target.port());
    double generatorBefore = ProcStats.cpuSeconds(SELF);
    double databaseBefore = target.databaseCpuSeconds();
    long start = System.nanoTime();
    long written = Writer.run(target.feed(), rooms, step, rate, seconds);
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    long expected = written * clients / rooms.size();
    long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("drain"));
    while (System.nanoTime() < drainEnd && fleet.receivedSoFar() < expected) {
      TimeUnit.MILLISECONDS.sleep(50); // the benchmark's own pacing: waiting is the measurement
    }
    double cpu = target.server().cpuSeconds() - cpuBefore;
    long wire = ProcStats.tcpBytesSent(target.port()) - wireBefore;
    double generator = ProcStats.cpuSeconds(SELF) - generatorBefore;
    double database = target.databaseCpuSeconds() - databaseBefore;
    double elapsed = (System.nanoTime() - start) / 1e9;
    StepCounts counts = fleet.finish(written);
    double receiving = Math.max(writeSeconds, (counts.lastReceiptMicros() - start / 1000) / 1e6);
    Row row =
        new Row(
            scenario,
            target.name(),
            written / writeSeconds * clients / rooms.size(),
            written / writeSeconds,
            counts,
            counts.received() / receiving,
            cpu,
            target.longestGcPauseMillis(gcMark),
            target.server().rssBytes(),
            elapsed,
            generator,
            database);
    System.out.println("  " + Report.line(row));
    System.out.printf(
        "  server sent %,d bytes (TCP payload): %.0f per delivery%n",
        wire, counts.received() == 0 ? Double.NaN : (double) wire / counts.received());
    System.out.printf(
        "  latency reached %d ms in the writes of: %s%n", Tally.SLOW_MILLIS, counts.slowWindows());
    return row;
  }
}
