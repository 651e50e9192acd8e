package io.roomcast.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side benchmark (docs/performance.md): Roomcast, the Node socket.io v4 reference and
 * the raw ws ceiling, one after the other on the same machine, each through the same scenarios with
 * the same load generator and writer; prints one Markdown table and writes it to {@code --out}.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/roomcast-benchmarks-app.jar [--seconds=10 --ladder=100,200 ...]
 * </pre>
 */
public final class SideBySideBenchmark {
  private final Options options;
  private final StepRunner runner;
  private final List<Row> rows = new ArrayList<>();
  private final List<MemoryRow> memory = new ArrayList<>();

  private SideBySideBenchmark(Options options) {
    this.options = options;
    this.runner = new StepRunner(options);
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String loadBefore = Machine.load();
    Machine.pinSelf(options.clientCpus());
    if (!options.list("targets").equals(List.of("roomcast"))) {
      Machine.npmCi(options.root());
    }
    SideBySideBenchmark benchmark = new SideBySideBenchmark(options);
    List<String> servers = new ArrayList<>();
    for (String name : options.list("targets")) {
      try (Target target = start(name, options)) {
        servers.add(target.describe());
        benchmark.runScenarios(target);
      }
    }
    String report =
        String.join(
            "\n",
            "Side-by-side benchmark, " + started,
            "",
            "- machine: " + Machine.describe(),
            "- servers: " + String.join("; ", servers),
            "- load generator and writer ("
                + Machine.generatorJvm()
                + ") and embedded databases (java -XX:+UseG1GC -Xmx2g) on cpus "
                + (options.clientCpus().isEmpty() ? "any" : options.clientCpus()),
            "- load average before / after: " + loadBefore + " / " + Machine.load(),
            "- flags: " + options,
            "",
            Report.deliveries(benchmark.rows),
            Report.memory(benchmark.memory));
    System.out.println();
    System.out.println(report);
    Path out = options.root().resolve(options.get("out"));
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out);
  }

  private static Target start(String name, Options options) throws Exception {
    System.out.println("== " + name);
    return switch (name) {
      case "roomcast" -> RoomcastTarget.start(options);
      case "socketio" -> NodeTarget.socketIo(options);
      case "ws" -> NodeTarget.rawWs(options);
      default ->
          throw new IllegalArgumentException(
              "unknown target " + name + " (roomcast, socketio, ws)");
    };
  }

  private void runScenarios(Target target) throws Exception {
    if (options.runs("idle") || options.runs("big")) {
      bigFleet(target);
    }
    if (options.runs("many")) {
      scenario(
          target,
          "many rooms " + shape("many-rooms"),
          "many-rooms",
          false,
          List.of(options.integer("many-rate")));
    }
    if (options.runs("ladder")) {
      scenario(
          target, "hot rooms " + shape("hot-rooms"), "hot-rooms", false, options.rates("ladder"));
    }
    if (options.runs("deflate")) {
      scenario(
          target, "hot rooms, deflate offered", "hot-rooms", true, options.rates("deflate-rates"));
    }
  }

  /** Idle memory per joined connection at 10,000 clients, then the same clients under load. */
  private void bigFleet(Target target) throws Exception {
    int clients = options.bigClients();
    List<String> rooms = rooms(options.integer("big-rooms"));
    Target.Memory empty = target.memory();
    try (Fleet fleet = Fleet.connect(options, target.port(), rooms, clients, false, 300)) {
      if (options.runs("idle")) {
        Target.Memory joined = target.memory();
        memory.add(new MemoryRow(target.name(), clients, empty, joined));
        System.out.printf("  idle: %s -> %s%n", empty, joined);
      }
      if (options.runs("big")) {
        int rate = options.integer("big-rate");
        warmUp(target, fleet, rooms, clients, rate);
        String name = String.format("%,d clients × %,d/s, %d rooms", clients, rate, rooms.size());
        rows.add(runner.run(target, fleet, name, rooms, clients, rate, options.integer("seconds")));
      }
    }
    settle();
  }

  private void scenario(
      Target target, String name, String roomsFlag, boolean deflate, List<Integer> rates)
      throws Exception {
    int clients = options.integer("clients");
    List<String> rooms = rooms(options.integer(roomsFlag));
    try (Fleet fleet = Fleet.connect(options, target.port(), rooms, clients, deflate, 120)) {
      warmUp(target, fleet, rooms, clients, rates.get(0));
      for (int rate : rates) {
        String step = String.format("%s @ %,d writes/s", name, rate);
        Row row = runner.run(target, fleet, step, rooms, clients, rate, options.integer("seconds"));
        rows.add(row);
        if (row.counts().deliveredPercent() < options.integer("ladder-stop")) {
          // saturated: its backlog would spill into a higher step, which would say nothing more
          System.out.println("  below --ladder-stop: higher rates skipped for " + target.name());
          break;
        }
      }
    }
    settle();
  }

  /**
   * An unreported step before each scenario's first: a new shape of work (one change per stream
   * batch instead of five, 10 clients per room instead of 200) makes the JVM recompile the paths it
   * takes, for a minute or more.
   */
  private void warmUp(Target target, Fleet fleet, List<String> rooms, int clients, int rate)
      throws Exception {
    if (options.integer("warmup") > 0) {
      System.out.print("  warm-up: ");
      runner.run(target, fleet, "warm-up", rooms, clients, rate, options.integer("warmup"));
    }
  }

  private String shape(String roomsFlag) {
    int rooms = options.integer(roomsFlag);
    return rooms + " × " + options.integer("clients") / rooms;
  }

  private static List<String> rooms(int count) {
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rooms.add(UUID.randomUUID().toString());
    }
    return rooms;
  }

  /** Lets the server notice the closed connections before the next fleet connects. */
  private static void settle() throws InterruptedException {
    TimeUnit.SECONDS.sleep(2);
  }
}
