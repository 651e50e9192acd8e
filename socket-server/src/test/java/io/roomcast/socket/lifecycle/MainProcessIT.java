package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.Startup;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServerMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process: a bad setting exits 78 with one line; SIGTERM stops it cleanly. */
class MainProcessIT {
  private static Process start(Map<String, String> env, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SocketServerMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.start();
  }

  private static List<String> readLines(Process process) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (Exception e) {
                lines.add("reading failed: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  @Test
  void anInvalidSettingExits78WithOneLineNamingIt() throws Exception {
    Process process = start(Map.of("MAX_ROOMS_PER_CLIENT", "lots"), "--socket-port=1");
    List<String> lines = readLines(process);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(Startup.EXIT_CONFIG, process.exitValue());
    await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
    assertEquals(
        List.of(
            "socket-server: invalid MAX_ROOMS_PER_CLIENT='lots': expected an integer from 1 to 100000"),
        lines);
  }

  @Test
  void aPortInUseExits1WithOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Process process =
          start(
              Map.of(
                  "SOCKET_HOST", "127.0.0.1",
                  "SOCKET_PORT", Integer.toString(taken.getLocalPort()),
                  "MONGODB_URI", "mongodb://127.0.0.1:1"));
      List<String> lines = readLines(process);
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      assertEquals(Startup.EXIT_START_FAILED, process.exitValue());
      await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
      assertEquals(1, lines.size(), String.valueOf(lines));
      assertTrue(
          lines.get(0).startsWith("socket-server: could not start: cannot listen on 127.0.0.1:"),
          lines.get(0));
    }
  }

  @Test
  void anUnknownFlagExits78() throws Exception {
    Process process = start(Map.of(), "--socket-prot=1");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(Startup.EXIT_CONFIG, process.exitValue());
  }

  @Test
  void sigtermStopsStreamsAndServer() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      Process process =
          start(
              Map.of(
                  "MONGODB_URI",
                  mongo.connectionString(),
                  "SOCKET_HOST",
                  "127.0.0.1",
                  "SOCKET_PORT",
                  "0"));
      List<String> lines = readLines(process);
      try {
        await("started")
            .atMost(Duration.ofSeconds(60))
            .until(() -> lines.stream().anyMatch(line -> line.contains("socket server listening")));
        process.toHandle().destroy(); // SIGTERM, without closing our end of its output
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
        await("shutdown logged, output: " + lines)
            .atMost(Duration.ofSeconds(5))
            .until(() -> lines.stream().anyMatch(line -> line.contains("socket server stopped")));
        assertTrue(
            lines.stream().anyMatch(line -> line.contains("stopped watching database 'app'")),
            lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("ERROR")), lines.toString());
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
