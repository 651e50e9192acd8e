package io.roomcast.e2e.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.embedded.testing.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-command development run, as a process: it serves the page, streams changes, stops on
 * SIGTERM.
 */
class DevLauncherIT {
  private static final int SIGTERM_EXIT = 143;
  private static final String MAIN = "io.roomcast.launcher.DevMain";

  @Test
  void runsTheWholeProductAndStopsCleanlyOnSigterm() throws Exception {
    int backendPort = FreePorts.next();
    int socketPort = FreePorts.next();
    Map<String, String> env =
        Map.of(
            "EMBEDDED_MONGO_PORT", Integer.toString(FreePorts.next()),
            "BACKEND_PORT", Integer.toString(backendPort),
            "SOCKET_PORT", Integer.toString(socketPort),
            "ADMIN_PORT", Integer.toString(FreePorts.next()));
    try (JavaProcess dev = JavaProcess.start(MAIN, env)) {
      dev.awaitLine("Roomcast is running", Duration.ofSeconds(60));
      Http http = new Http("http://127.0.0.1:" + backendPort);
      assertEquals(200, http.get("/config.json").status());
      // The metrics and health URLs it prints answer.
      Matcher urls =
          Pattern.compile("Metrics: (http://localhost:\\d+/metrics) \\(socket server\\), (\\S+) ")
              .matcher(String.join("\n", dev.output()));
      assertTrue(urls.find(), String.join("\n", dev.output()));
      assertTrue(Scrape.of(urls.group(1)).has("roomcast_clients_connected"), urls.group(1));
      assertTrue(Scrape.of(urls.group(2)).has("roomcast_backend_writes_rejected_total"));
      String ready = urls.group(1).replace("/metrics", "/health/ready");
      assertEquals(200, Http.fetch(ready).status(), ready);

      String room = UUID.randomUUID().toString();
      String socketUrl = "http://127.0.0.1:" + socketPort;
      // By default the launcher runs ROOM_AUTH=jwt: no token, no connection.
      try (JavaSocketClient stranger =
          JavaSocketClient.join(socketUrl, "websocket", List.of(room))) {
        await("refused without a token")
            .atMost(Duration.ofSeconds(20))
            .until(() -> stranger.errors().stream().anyMatch(e -> e.contains("unauthorized")));
      }
      Http.Reply minted = http.send("POST", "/dev/token", "{\"rooms\":[\"" + room + "\"]}");
      assertEquals(200, minted.status(), String.valueOf(minted.body()));
      String token = minted.json().path("token").asText();
      try (JavaSocketClient client =
          JavaSocketClient.joinWithToken(socketUrl, "websocket", List.of(room), token)) {
        assertTrue(client.awaitJoined().path("ok").asBoolean(), String.valueOf(client.joinAck()));
        http.send("POST", "/update", "{\"uuid\":\"" + room + "\",\"data\":{\"hello\":\"dev\"}}");
        client.awaitEvent("the update", e -> room.equals(e.uuid()));
      }
      // A JVM stopped by SIGTERM exits with 128 + 15 once its shutdown hooks have finished.
      assertEquals(SIGTERM_EXIT, dev.terminate(30));
      assertTrue(
          dev.output().stream().anyMatch(l -> l.contains("Stopping Roomcast")),
          String.join("\n", dev.output()));
      assertTrue(
          dev.output().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
          "clean shutdown prints no stack trace");
      assertTrue(
          dev.output().stream().noneMatch(l -> l.contains("ROOM_AUTH=open")),
          "the launcher does not run open rooms by default");
    }
  }

  @Test
  void anInvalidSettingStopsStartupWithOneLineNamingIt() throws Exception {
    try (JavaProcess dev = JavaProcess.start(MAIN, Map.of("SOCKET_PORT", "eighty"))) {
      assertEquals(78, dev.awaitExit(60));
      List<String> output = dev.output();
      assertTrue(
          output.stream().anyMatch(l -> l.contains("SOCKET_PORT") && l.contains("eighty")),
          String.valueOf(output));
    }
  }
}
