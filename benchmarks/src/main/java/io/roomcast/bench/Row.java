package io.roomcast.bench;

/**
 * One measured step of one server: what was offered, what the clients saw, and what it cost the
 * server process (and how busy the load generator + writer process and the database were: near 100
 * % of their core means the figures are the generator's limit, not the server's).
 */
record Row(
    String scenario,
    String target,
    double offeredDeliveriesPerSecond,
    double writesPerSecond,
    StepCounts counts,
    double deliveriesPerSecond,
    double cpuSeconds,
    double longestGcPauseMillis,
    long rssBytes,
    double elapsedSeconds,
    double generatorCpuSeconds,
    double databaseCpuSeconds) {

  /** The load generator + writer JVM's CPU over the step, in % of one CPU. */
  double generatorCpuPercent() {
    return 100 * generatorCpuSeconds / elapsedSeconds;
  }

  /** The server's own database's CPU (on the generator's CPUs), in % of one CPU; NaN if none. */
  double databaseCpuPercent() {
    return 100 * databaseCpuSeconds / elapsedSeconds;
  }

  /** Server CPU seconds per million deliveries. */
  double cpuPerMillion() {
    return counts.received() == 0 ? Double.NaN : cpuSeconds / counts.received() * 1e6;
  }

  /** The generator + writer's CPU seconds per million deliveries (its cost, whatever the rate). */
  double generatorCpuPerMillion() {
    return counts.received() == 0 ? Double.NaN : generatorCpuSeconds / counts.received() * 1e6;
  }
}
