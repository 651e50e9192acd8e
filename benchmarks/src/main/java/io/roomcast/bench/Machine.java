package io.roomcast.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine a run happened on, and the few commands the benchmark runs around the servers. */
final class Machine {
  /**
   * HTTP/1.1 only: the JDK client's default h2c upgrade offer would reach the Node servers'
   * websocket upgrade handler and be refused.
   */
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Machine() {}

  static String describe() throws Exception {
    String model =
        run("lscpu")
            .lines()
            .filter(line -> line.startsWith("Model name:"))
            .map(line -> line.substring(11).trim())
            .findFirst()
            .orElse("?");
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    return String.format(
        "%s, nproc %s, %s, kernel %s; Node %s",
        model,
        run("nproc", "--all").trim(),
        memory,
        run("uname", "-r").trim(),
        run("node", "--version").trim());
  }

  /** This JVM (the load generator's and writer's): its version and its command-line options. */
  static String generatorJvm() {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    return String.join(" ", command) + " (" + Runtime.version() + ")";
  }

  /** The load average (1, 5, 15 minutes): how busy the machine was around the run. */
  static String load() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + ", " + fields[1] + ", " + fields[2];
  }

  /** Pins this process (every thread so far; later ones inherit it) to {@code cpus}. */
  static void pinSelf(String cpus) throws Exception {
    if (!cpus.isEmpty()) {
      run("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()));
      System.out.println("load generator + writer pinned to cpus " + cpus);
    }
  }

  /** Installs the reference servers' pinned npm dependencies (package-lock.json). */
  static void npmCi(Path root) throws Exception {
    Path node = root.resolve("benchmarks/node");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(node.toFile())
            .inheritIO()
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed in " + node);
    }
  }

  static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return output;
  }
}
