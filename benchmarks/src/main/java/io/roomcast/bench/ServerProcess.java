package io.roomcast.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process the benchmark starts (a server or the database): optionally pinned to CPUs with
 * taskset, output to a log file, stopped with SIGTERM (then killed) when closed.
 */
final class ServerProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final String cpus;

  private ServerProcess(String name, Process process, Path log, String cpus) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.cpus = cpus.isEmpty() ? "any" : cpus;
  }

  /** Starts {@code command} with {@code env} added, pinned to {@code cpus} unless that is empty. */
  static ServerProcess start(
      String name, List<String> command, Map<String, String> env, String cpus, Path logDir)
      throws IOException {
    List<String> full = new ArrayList<>();
    if (!cpus.isEmpty()) {
      full.addAll(List.of("taskset", "-c", cpus));
    }
    full.addAll(command);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    System.out.printf(
        "started %s (pid %d, cpus %s): %s%n",
        name, process.pid(), cpus.isEmpty() ? "any" : cpus, String.join(" ", command));
    return new ServerProcess(name, process, log, cpus);
  }

  /** Waits until {@code port} accepts connections; fails if the process exits first. */
  ServerProcess awaitPort(int port, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(100); // polling a process we started; nothing to await on
      }
    }
    throw new IllegalStateException(name + " did not listen on " + port + "; see " + log);
  }

  long pid() {
    return process.pid(); // taskset execs the command, so this is the server's own pid
  }

  Path log() {
    return log;
  }

  /** The CPUs it is pinned to, or "any". */
  String cpus() {
    return cpus;
  }

  double cpuSeconds() {
    return ProcStats.cpuSeconds(pid());
  }

  long rssBytes() {
    return ProcStats.rssBytes(pid());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
