package io.roomcast.socket.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.common.config.Startup;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.socket.SocketServerMain;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real process: a bad setting exits 78 and a failed start 1, each with one line; SIGTERM stops
 * it cleanly with exit code 0.
 */
class MainProcessIT {
  private static final String MAIN = SocketServerMain.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MAX_ROOMS_PER_CLIENT|lots|expected an integer from 1 to 100000",
        "NODE_ID|node-a|expected an integer from 0 to 255"
      })
  void anInvalidSettingExits78WithOneLineNamingIt(String variable, String value, String expected)
      throws Exception {
    try (JavaProcess process =
        JavaProcess.start(MAIN, Map.of(variable, value), "--socket-port=1")) {
      assertEquals(Startup.EXIT_CONFIG, process.awaitExit(30));
      assertEquals(
          List.of("socket-server: invalid " + variable + "='" + value + "': " + expected),
          process.output());
    }
  }

  @Test
  void aPortInUseExits1WithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
        JavaProcess process =
            JavaProcess.start(
                MAIN,
                Map.of(
                    "SOCKET_HOST", "127.0.0.1",
                    "SOCKET_PORT", Integer.toString(taken.getLocalPort()),
                    "MONGODB_URI", "mongodb://127.0.0.1:1",
                    "ROOM_AUTH", "open"))) {
      assertEquals(Startup.EXIT_START_FAILED, process.awaitExit(30));
      List<String> lines = process.output();
      assertEquals(1, lines.size(), String.valueOf(lines));
      assertTrue(
          lines.get(0).startsWith("socket-server: could not start: cannot listen on 127.0.0.1:"),
          lines.get(0));
    }
  }

  @Test
  void jwtModeWithoutAUsableKeyExits78WithOneLine() throws Exception {
    try (JavaProcess process = JavaProcess.start(MAIN, Map.of(), "--socket-port=1")) {
      assertEquals(Startup.EXIT_CONFIG, process.awaitExit(30));
      List<String> lines = process.output();
      assertEquals(1, lines.size(), String.valueOf(lines));
      assertTrue(lines.get(0).contains("ROOM_AUTH_JWT_SECRET"), lines.get(0));
    }
    try (JavaProcess process =
        JavaProcess.start(MAIN, Map.of("ROOM_AUTH_JWT_SECRET", "too-short"), "--socket-port=1")) {
      assertEquals(Startup.EXIT_CONFIG, process.awaitExit(30));
      List<String> lines = process.output();
      assertEquals(
          List.of(
              "socket-server: invalid ROOM_AUTH_JWT_SECRET: expected at least 32 bytes, got 9"
                  + " (ROOM_AUTH=jwt; ROOM_AUTH=open for local development only)"),
          lines);
    }
  }

  @Test
  void logFormatJsonPrintsOnlyJsonObjectsOnePerLine() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        JavaProcess process =
            startOnLoopback(mongo, Map.of("LOG_FORMAT", "json", "ROOM_AUTH", "open"))) {
      process.awaitLine("socket server listening", Duration.ofSeconds(60));
      assertEquals(SocketServerMain.EXIT_STOPPED, process.terminate(30));
      List<String> lines = process.output();
      assertTrue(lines.size() >= 4, "" + lines);
      for (String line : lines) {
        JsonNode entry = JSON.readTree(line);
        assertTrue(entry.isObject(), line);
        assertTrue(entry.path("level").isTextual() && entry.path("loggerName").isTextual(), line);
        assertTrue(entry.path("formattedMessage").isTextual(), line);
      }
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("socket server stopped")), "same facts as text");
    }
  }

  @Test
  void anUnknownLogFormatExits78() throws Exception {
    try (JavaProcess process = JavaProcess.start(MAIN, Map.of("LOG_FORMAT", "xml"))) {
      assertEquals(Startup.EXIT_CONFIG, process.awaitExit(30));
      assertTrue(
          process
              .output()
              .contains("socket-server: invalid LOG_FORMAT='xml': expected text or json"),
          "" + process.output());
    }
  }

  @Test
  void anUnknownFlagExits78() throws Exception {
    try (JavaProcess process = JavaProcess.start(MAIN, Map.of(), "--socket-prot=1")) {
      assertEquals(Startup.EXIT_CONFIG, process.awaitExit(30));
    }
  }

  @Test
  void sigtermStopsStreamsAndServer() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        JavaProcess process =
            startOnLoopback(
                mongo, Map.of("ROOM_AUTH_JWT_SECRET", "a-test-secret-of-at-least-32-bytes!"))) {
      process.awaitLine("socket server listening", Duration.ofSeconds(60));
      assertEquals(SocketServerMain.EXIT_STOPPED, process.terminate(30));
      List<String> lines = process.output();
      assertTrue(lines.stream().anyMatch(l -> l.contains("socket server stopped")), "" + lines);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("stopped watching database 'app'")), "" + lines);
      assertTrue(lines.stream().noneMatch(l -> l.contains("ERROR")), "" + lines);
    }
  }

  /**
   * The main over this database on loopback ports 0, stopping without delay, plus these settings.
   */
  private static JavaProcess startOnLoopback(EmbeddedMongo mongo, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("MONGODB_URI", mongo.connectionString());
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", "0");
    env.put("ADMIN_PORT", "0");
    env.put("SHUTDOWN_DELAY", "0");
    return JavaProcess.start(MAIN, env);
  }
}
