package io.roomcast.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table (Markdown, so the same text goes into docs/performance.md): a row per scenario and
 * server, then Roomcast's ratios to each reference, then memory per idle joined connection.
 */
final class Report {
  static final String REFERENCE = "Roomcast";

  private Report() {}

  /** One row as a progress line while the benchmark runs. */
  static String line(Row row) {
    return String.format(
        Locale.ROOT,
        "%s %s: %s deliveries/s of %s offered, %.2f %% delivered (missing %d, duplicate %d, clients dropped %d), "
            + "p50/p99/max %s/%s/%s ms, CPU %.1f s = %s CPU-s per 1M, longest GC %s ms, RSS %d MB, generator CPU %.0f %% = %s CPU-s per 1M%s%s",
        row.scenario(),
        row.target(),
        whole(row.deliveriesPerSecond()),
        whole(row.offeredDeliveriesPerSecond()),
        row.counts().deliveredPercent(),
        row.counts().missing(),
        row.counts().duplicates(),
        row.counts().disconnected(),
        ms(row.counts().percentileMillis(50)),
        ms(row.counts().percentileMillis(99)),
        ms(row.counts().maxMillis()),
        row.cpuSeconds(),
        one(row.cpuPerMillion()),
        pause(row.longestGcPauseMillis()),
        row.rssBytes() >> 20,
        row.generatorCpuPercent(),
        one(row.generatorCpuPerMillion()),
        Double.isNaN(row.databaseCpuPercent())
            ? ""
            : String.format(Locale.ROOT, ", database CPU %.0f %%", row.databaseCpuPercent()),
        row.counts().failures() > 0
            ? ", client failures " + row.counts().failures() + ": " + row.counts().firstFailure()
            : "");
  }

  static String deliveries(List<Row> rows) {
    StringBuilder table =
        header(
            "scenario",
            "server",
            "offered deliveries/s",
            "deliveries/s",
            "delivered %",
            "missing / dup / dropped clients",
            "p50 ms",
            "p99 ms",
            "max ms",
            "CPU-s per 1M",
            "longest GC ms",
            "RSS MB",
            "generator CPU %");
    Map<String, List<Row>> byScenario = new LinkedHashMap<>();
    rows.forEach(
        row -> byScenario.computeIfAbsent(row.scenario(), k -> new ArrayList<>()).add(row));
    for (List<Row> scenario : byScenario.values()) {
      for (Row row : scenario) {
        StepCounts counts = row.counts();
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %.2f | %d / %d / %d | %s | %s | %s | %s | %s | %d | %.0f |%n",
                row.scenario(),
                row.target(),
                whole(row.offeredDeliveriesPerSecond()),
                whole(row.deliveriesPerSecond()),
                counts.deliveredPercent(),
                counts.missing(),
                counts.duplicates(),
                counts.disconnected(),
                ms(counts.percentileMillis(50)),
                ms(counts.percentileMillis(99)),
                ms(counts.maxMillis()),
                one(row.cpuPerMillion()),
                pause(row.longestGcPauseMillis()),
                row.rssBytes() >> 20,
                row.generatorCpuPercent()));
      }
      Row ours =
          scenario.stream().filter(row -> row.target().equals(REFERENCE)).findFirst().orElse(null);
      for (Row other : scenario) {
        if (ours != null && other != ours) {
          table.append(ratio(ours, other));
        }
      }
    }
    return table.toString();
  }

  private static String ratio(Row ours, Row other) {
    return String.format(
        Locale.ROOT,
        "| %s | *Roomcast ÷ %s* | | ×%s | | | ×%s | ×%s | ×%s | ×%s | | ×%s | |%n",
        ours.scenario(),
        other.target(),
        times(ours.deliveriesPerSecond(), other.deliveriesPerSecond()),
        times(ours.counts().percentileMillis(50), other.counts().percentileMillis(50)),
        times(ours.counts().percentileMillis(99), other.counts().percentileMillis(99)),
        times(ours.counts().maxMillis(), other.counts().maxMillis()),
        times(ours.cpuPerMillion(), other.cpuPerMillion()),
        times(ours.rssBytes(), other.rssBytes()));
  }

  static String memory(List<MemoryRow> rows) {
    StringBuilder table =
        header(
            "server",
            "idle joined clients",
            "RSS per connection KB",
            "heap after GC per connection KB",
            "direct (JVM) / external (Node) per connection KB",
            "RSS MB",
            "heap after GC MB");
    for (MemoryRow row : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f | %d | %d |%n",
              row.target(),
              row.clients(),
              row.perConnectionKb(Target.Memory::rssBytes),
              row.perConnectionKb(Target.Memory::heapBytes),
              row.perConnectionKb(Target.Memory::directBytes),
              row.joined().rssBytes() >> 20,
              row.joined().heapBytes() >> 20));
    }
    return table.toString();
  }

  /** A Markdown table's header and separator lines. */
  private static StringBuilder header(String... columns) {
    StringBuilder table = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
    table.append("---|".repeat(columns.length)).append('\n');
    return table;
  }

  private static String times(double ours, double theirs) {
    return Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0
        ? "–"
        : String.format(Locale.ROOT, "%.2f", ours / theirs);
  }

  private static String whole(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String one(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A GC pause: sub-millisecond ones (ZGC's) with two decimals rather than as 0. */
  private static String pause(double millis) {
    return millis > 0 && millis < 1 ? String.format(Locale.ROOT, "%.2f", millis) : ms(millis);
  }

  private static String ms(double value) {
    return Double.isNaN(value)
        ? "–"
        : value < 10 ? String.format(Locale.ROOT, "%.1f", value) : whole(value);
  }
}
