package io.roomcast.embedded.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A Roomcast main class in its own JVM, as an operator runs it, with the test's classpath and the
 * given environment. Its output lines are kept for assertions and echoed for the test log.
 */
public final class JavaProcess implements AutoCloseable {
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private JavaProcess(Process process, String name) {
    this.process = process;
    reader = new Thread(this::readOutput, "output-of-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with the test classpath, extra environment and arguments. */
  public static JavaProcess start(String mainClass, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    // Failsafe may hand the JVM a manifest-only jar; the full classpath is in this property.
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      return new JavaProcess(builder.start(), mainClass.substring(mainClass.lastIndexOf('.') + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + mainClass, e);
    }
  }

  private void readOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
        System.out.println("  | " + line);
      }
    } catch (IOException e) {
      output.add("(output stream failed: " + e.getMessage() + ")");
    }
  }

  /** Every line printed so far (stdout and stderr). */
  public List<String> output() {
    return List.copyOf(output);
  }

  /** Waits until a printed line contains {@code fragment}, e.g. a start line, and returns it. */
  public String awaitLine(String fragment, Duration timeout) {
    return Awaitility.await("a line with '" + fragment + "'")
        .atMost(timeout)
        .until(
            () -> output().stream().filter(l -> l.contains(fragment)).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as an orchestrator would, and returns at once. */
  public void sendSigterm() {
    // Process.destroy() would also close our end of its output; the handle only sends the signal.
    process.toHandle().destroy();
  }

  /** Sends SIGTERM, as an orchestrator would, and waits for the exit code. */
  public int terminate(long timeoutSeconds) throws InterruptedException {
    sendSigterm();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("process ignored SIGTERM for " + timeoutSeconds + "s");
    }
    return exitValueAfterOutput();
  }

  /** Sends SIGKILL, as a crash or an OOM killer would, and waits until the process is gone. */
  public void kill(long timeoutSeconds) throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("process survived SIGKILL for " + timeoutSeconds + "s");
    }
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("process still running after " + timeoutSeconds + "s");
    }
    return exitValueAfterOutput();
  }

  /** The exit code, once every line the process printed has been read. */
  private int exitValueAfterOutput() throws InterruptedException {
    reader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
