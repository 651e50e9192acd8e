package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the deployment checks drive (nginx, docker-compose, node), found on the PATH
 * or in the sbin directories where Debian installs daemons. A missing tool skips the test with a
 * message naming the Debian package; CI installs them all.
 */
public final class ExternalTool {
  private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

  /** Exit code and combined stdout and stderr of one run. */
  public record Result(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private ExternalTool() {}

  public static Optional<Path> find(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
    }
    dirs.addAll(EXTRA_DIRS);
    return dirs.stream()
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The tool's path, or a skipped test that says which Debian package provides it. */
  public static Path require(String name, String debianPackage) {
    Optional<Path> tool = find(name);
    assumeTrue(
        tool.isPresent(),
        name + " not found: skipping (install the Debian package " + debianPackage + ")");
    return tool.get();
  }

  /** Runs the command to completion within the timeout, stdin closed. */
  public static Result run(List<String> command, Path workDir, Duration timeout) {
    return run(command, workDir, timeout, null);
  }

  /** Runs the command with the given text on stdin (null: none). */
  public static Result run(List<String> command, Path workDir, Duration timeout, String stdin) {
    try {
      Path output = Files.createTempFile("roomcast-tool-", ".out");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(command + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(output));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
