package io.roomcast.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's flags ({@code --name=value}; unknown names are refused), with defaults sized so
 * that the whole side-by-side run takes about 20 minutes on a 2-core machine.
 */
final class Options {
  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("root", "."); // the repository root: where the app jars and benchmarks/node are
    DEFAULTS.put("targets", "roomcast,socketio,ws");
    DEFAULTS.put("scenarios", "idle,big,many,ladder,deflate");
    DEFAULTS.put("seconds", "10"); // writing time of each measured step
    // writing time of the unreported step before each scenario's first: the JIT recompiles the
    // paths a new shape of work takes for a minute or more; less measures that, not the server
    DEFAULTS.put("warmup", "60");
    DEFAULTS.put("drain", "5"); // the longest wait for late deliveries after a step's writes
    DEFAULTS.put("clients", "2000"); // clients of the many-rooms, ladder and deflate scenarios
    DEFAULTS.put("many-rooms", "200");
    DEFAULTS.put("many-rate", "200"); // writes/s: 2,000 deliveries/s over 200 rooms x 10
    DEFAULTS.put("hot-rooms", "10");
    DEFAULTS.put("ladder", "100,200,400,800,1600"); // writes/s into the hot rooms (x 200 clients)
    DEFAULTS.put("ladder-stop", "50"); // % delivered below which a ladder stops climbing
    DEFAULTS.put("deflate-rates", "200,400"); // writes/s into hot rooms, clients offer deflate
    DEFAULTS.put("big-clients", "10000"); // the idle-memory and big scenarios
    DEFAULTS.put("big-rooms", "1000");
    DEFAULTS.put("big-rate", "1000");
    DEFAULTS.put("pad", "200"); // bytes of padding in each document
    // the load generator waits this long after a light pass of its I/O loop (CoalescingIoHandler)
    DEFAULTS.put("coalesce-us", "500");
    // the server's java executable and JVM options; auto: as production where possible (ServerJvm)
    DEFAULTS.put("roomcast-java", ServerJvm.AUTO);
    DEFAULTS.put("roomcast-jvm", ServerJvm.AUTO);
    // extra environment of the Roomcast servers, NAME=VALUE,… (e.g. WS_COMPRESSION=shared)
    DEFAULTS.put("roomcast-env", "");
    DEFAULTS.put("server-cpus", "1"); // taskset list for the server; empty: no pinning
    DEFAULTS.put("client-cpus", "0"); // load generator, writer and database
    DEFAULTS.put("out", "benchmarks/target/side-by-side.md");
    // ChangeStreamScalingBenchmark: N socket servers watching one embedded database
    DEFAULTS.put("watchers", "0,1,4,16");
    // writes/s into one room: low enough that 16 servers keep up on 2 cores (each pays ~2
    // ms/change)
    DEFAULTS.put("watch-rate", "20");
    DEFAULTS.put("watch-clients", "10"); // clients of that room per server
    DEFAULTS.put("watch-jvm", "-XX:+UseG1GC -Xmx256m");
    // not pinned: 16 servers on one CPU would measure their own queueing, not the database
    DEFAULTS.put("watch-cpus", "");
  }

  private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
  private ServerJvm serverJvm;

  Options(String[] args) {
    for (String arg : args) {
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
      if (name == null || !DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown argument " + arg + "; flags (--name=value): " + DEFAULTS);
      }
      values.put(name, arg.substring(equals + 1));
    }
    if (Runtime.getRuntime().availableProcessors() < 2) {
      values.put("server-cpus", "");
      values.put("client-cpus", "");
    }
  }

  String get(String name) {
    return values.get(name);
  }

  int integer(String name) {
    return Integer.parseInt(get(name));
  }

  List<String> list(String name) {
    return get(name).isBlank() ? List.of() : Arrays.asList(get(name).split(","));
  }

  List<Integer> rates(String name) {
    return list(name).stream().map(Integer::parseInt).toList();
  }

  boolean runs(String scenario) {
    return list("scenarios").contains(scenario);
  }

  Path root() {
    return Path.of(get("root")).toAbsolutePath().normalize();
  }

  Path logDir() throws java.io.IOException {
    return Files.createDirectories(root().resolve("benchmarks/target/logs"));
  }

  String serverCpus() {
    return get("server-cpus");
  }

  String clientCpus() {
    return get("client-cpus");
  }

  /** The Roomcast servers' java and JVM options, {@code auto} resolved (as the flags then show). */
  ServerJvm serverJvm() throws Exception {
    if (serverJvm == null) {
      serverJvm = ServerJvm.choose(get("roomcast-java"), get("roomcast-jvm"));
      values.put("roomcast-java", serverJvm.java());
      values.put("roomcast-jvm", serverJvm.options());
    }
    return serverJvm;
  }

  int bigClients() {
    return integer("big-clients");
  }

  int padBytes() {
    return integer("pad");
  }

  @Override
  public String toString() {
    StringBuilder flags = new StringBuilder();
    values.forEach(
        (name, value) -> {
          String flag = "--" + name + "=" + value;
          flags.append(' ').append(value.contains(" ") ? "'" + flag + "'" : flag);
        });
    return flags.toString().trim();
  }
}
