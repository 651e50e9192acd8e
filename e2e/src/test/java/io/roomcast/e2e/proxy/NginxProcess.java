package io.roomcast.e2e.proxy;

import static org.awaitility.Awaitility.await;

import io.roomcast.e2e.deploy.ExternalTool;
import io.roomcast.embedded.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in the foreground with a config from {@link FrontConfig}, listening on a loopback
 * port. Its stdout, where the front config writes the access log, goes to a file the test reads.
 */
public final class NginxProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private final Process process;
  private final Path dir;
  private final int port;

  private NginxProcess(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts nginx from {@code dir/nginx.conf} and waits until it accepts connections. */
  public static NginxProcess start(Path nginx, Path dir, int port) {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    nginx.toString(),
                    "-p",
                    dir + "/",
                    "-c",
                    dir.resolve("nginx.conf").toString(),
                    "-e",
                    dir.resolve("error.log").toString(),
                    "-g",
                    "daemon off;"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("access.log").toFile());
    NginxProcess started;
    try {
      started = new NginxProcess(builder.start(), dir, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + nginx, e);
    }
    try {
      await("nginx listening on " + port).atMost(STARTUP).until(started::acceptsConnections);
      return started;
    } catch (RuntimeException | Error e) {
      started.close();
      throw new AssertionError("nginx did not start; error log:\n" + started.errorLog(), e);
    }
  }

  private boolean acceptsConnections() {
    if (!process.isAlive()) {
      throw new IllegalStateException("nginx exited with " + process.exitValue());
    }
    return FreePorts.accepting(port);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The access log lines written so far (format {@code roomcast} of the front config). */
  public List<AccessLogLine> accessLog() {
    return AccessLogLine.parseAll(readOrEmpty(dir.resolve("access.log")));
  }

  /** The access log as written, lines of any format included. */
  public String accessLogText() {
    return readOrEmpty(dir.resolve("access.log"));
  }

  public String errorLog() {
    return readOrEmpty(dir.resolve("error.log"));
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Graceful stop (SIGTERM to the master), then makes sure no worker outlives it. */
  @Override
  public void close() {
    List<ProcessHandle> workers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Checks a config with {@code nginx -t}, the way nginx itself would load it. */
  public static ExternalTool.Result test(Path nginx, Path dir) {
    return ExternalTool.run(
        List.of(
            nginx.toString(),
            "-t",
            "-p",
            dir + "/",
            "-c",
            dir.resolve("nginx.conf").toString(),
            "-e",
            dir.resolve("error.log").toString()),
        dir,
        Duration.ofSeconds(30));
  }
}
