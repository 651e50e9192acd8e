package io.roomcast.bench;

/**
 * One measured step of one server: what was offered, what the clients saw, and what it cost the
 * server process (and how busy the load generator + writer process was: near 100 % of its core
 * means the figures are the generator's limit, not the server's).
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
    double generatorCpuPercent) {

  /** Server CPU seconds per million deliveries. */
  double cpuPerMillion() {
    return counts.received() == 0 ? Double.NaN : cpuSeconds / counts.received() * 1e6;
  }
}
