package io.roomcast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What each socket server's own change stream costs the database (docs/scaling.md): one embedded
 * database, N Roomcast servers watching it (N from {@code --watchers}, default 0, 1, 4, 16), each
 * with {@code --watch-clients} clients in the one room the writer writes to at {@code
 * --watch-rate}. Prints the database's CPU per second and per write, and each server's delivery
 * latency (median server and worst server).
 *
 * <pre>
 * java -cp benchmarks/target/roomcast-benchmarks-app.jar io.roomcast.bench.ChangeStreamScalingBenchmark
 * </pre>
 */
public final class ChangeStreamScalingBenchmark {
  private ChangeStreamScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    String loadBefore = Machine.load();
    Machine.pinSelf(options.clientCpus());
    StringBuilder table = new StringBuilder();
    table.append(
        "| watching servers | writes/s | database CPU % of a core | database CPU ms per write "
            + "| p50 ms (median server) | p99 ms (median server) | p99 ms (worst server) | delivered % (worst server) |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(options, "scaling-db");
        MongoFeed feed = new MongoFeed(database.uri(), options.padBytes())) {
      int step = 0;
      for (int watchers : options.rates("watchers")) {
        System.out.println("== " + watchers + " watching servers");
        table.append(measure(options, database, feed, watchers, step++));
      }
    }
    String report =
        String.join(
            "\n",
            "Change stream scaling benchmark",
            "",
            "- machine: " + Machine.describe(),
            "- socket servers: "
                + options.serverJvm().java()
                + " "
                + options.get("watch-jvm")
                + " on cpus "
                + (options.get("watch-cpus").isEmpty() ? "any" : options.get("watch-cpus"))
                + "; database, load generator and writer on cpus "
                + options.clientCpus(),
            "- load average before / after: " + loadBefore + " / " + Machine.load(),
            "- flags: " + options,
            "",
            table.toString());
    System.out.println();
    System.out.println(report);
  }

  private static String measure(
      Options options, EmbeddedDatabase database, MongoFeed feed, int watchers, int step)
      throws Exception {
    List<String> room = List.of(UUID.randomUUID().toString());
    int clients = options.integer("watch-clients");
    int rate = options.integer("watch-rate");
    List<RoomcastTarget> servers = new ArrayList<>();
    List<Fleet> fleets = new ArrayList<>();
    try {
      for (int i = 0; i < watchers; i++) {
        servers.add(RoomcastTarget.startOn(database, options, "watcher-" + i));
      }
      for (RoomcastTarget server : servers) {
        fleets.add(Fleet.connect(options, server.port(), room, clients, false, 120));
      }
      Writer.run(feed, room, step, rate, options.integer("warmup")); // warms every server's path
      for (Fleet fleet : fleets) {
        fleet.begin(step);
      }
      double cpuBefore = database.process().cpuSeconds();
      long start = System.nanoTime();
      long written = Writer.run(feed, room, step, rate, options.integer("seconds"));
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = database.process().cpuSeconds() - cpuBefore;
      TimeUnit.SECONDS.sleep(options.integer("drain")); // late deliveries still count
      List<StepCounts> counts = new ArrayList<>();
      for (Fleet fleet : fleets) {
        counts.add(fleet.finish(written));
      }
      return row(watchers, written / seconds, cpu / seconds, cpu / written, counts);
    } finally {
      for (Fleet fleet : fleets) {
        fleet.close();
      }
      for (RoomcastTarget server : servers) {
        server.close();
      }
    }
  }

  private static String row(
      int watchers,
      double writesPerSecond,
      double cpuPerSecond,
      double cpuPerWrite,
      List<StepCounts> counts) {
    List<StepCounts> byP99 = new ArrayList<>(counts);
    byP99.sort((a, b) -> Double.compare(a.percentileMillis(99), b.percentileMillis(99)));
    StepCounts median = byP99.isEmpty() ? null : byP99.get(byP99.size() / 2);
    StepCounts worst = byP99.isEmpty() ? null : byP99.get(byP99.size() - 1);
    double worstDelivered =
        counts.stream().mapToDouble(StepCounts::deliveredPercent).min().orElse(Double.NaN);
    String line =
        String.format(
            Locale.ROOT,
            "| %d | %.0f | %.1f | %.3f | %s | %s | %s | %s |%n",
            watchers,
            writesPerSecond,
            100 * cpuPerSecond,
            1000 * cpuPerWrite,
            median == null ? "–" : String.format(Locale.ROOT, "%.1f", median.percentileMillis(50)),
            median == null ? "–" : String.format(Locale.ROOT, "%.1f", median.percentileMillis(99)),
            worst == null ? "–" : String.format(Locale.ROOT, "%.1f", worst.percentileMillis(99)),
            Double.isNaN(worstDelivered)
                ? "–"
                : String.format(Locale.ROOT, "%.2f", worstDelivered));
    System.out.print("  " + line);
    return line;
  }
}
