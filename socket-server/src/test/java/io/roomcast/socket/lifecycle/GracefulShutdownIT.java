package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.socket.SocketServerMain;
import io.roomcast.socket.testing.JavaClient;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the real process with clients connected: readiness turns 503 while the clients are
 * still served and new connections are refused; then each client is closed with Engine.IO's close
 * and reconnects by itself (elsewhere, behind a load balancer); the process exits 0 within the
 * grace.
 */
class GracefulShutdownIT {
  private static final Pattern PORTS =
      Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+), admin .* on 127\\.0\\.0\\.1:(\\d+)");
  private static final int GRACE_SECONDS = 10;

  @Test
  void sigtermTurnsNotReadyThenClosesClientsSoTheyReconnectThenExits0() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        JavaProcess process =
            JavaProcess.start(
                SocketServerMain.class.getName(),
                Map.of(
                    "MONGODB_URI", mongo.connectionString(),
                    "ROOM_AUTH", "open",
                    "SOCKET_HOST", "127.0.0.1",
                    "SOCKET_PORT", "0",
                    "ADMIN_HOST", "127.0.0.1",
                    "ADMIN_PORT", "0",
                    "SHUTDOWN_DELAY", "2",
                    "SHUTDOWN_GRACE", Integer.toString(GRACE_SECONDS)))) {
      Matcher ports =
          await("started")
              .atMost(Duration.ofSeconds(60))
              .until(() -> ports(process), Matcher::find);
      int socketPort = Integer.parseInt(ports.group(1));
      String ready = "http://127.0.0.1:" + ports.group(2) + "/health/ready";
      String url = "http://127.0.0.1:" + socketPort;
      await("ready").atMost(Duration.ofSeconds(20)).until(() -> Http.fetch(ready).status() == 200);
      try (JavaClient websocket = JavaClient.connect(url, "websocket").awaitConnected();
          JavaClient polling = JavaClient.connect(url, "polling").awaitConnected()) {
        websocket.join(UUID.randomUUID().toString());
        polling.join(UUID.randomUUID().toString());

        long sigterm = System.nanoTime();
        process.sendSigterm();
        await("not ready")
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> Http.fetch(ready).status() == 503);
        long notReady = System.nanoTime();
        assertTrue(websocket.connected() && polling.connected(), "clients kept while not ready");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", socketPort).close());

        for (JavaClient client : List.of(websocket, polling)) {
          JavaClient.Disconnect first =
              await("closed by the server: " + client.transport())
                  .atMost(Duration.ofSeconds(GRACE_SECONDS))
                  .until(client::disconnects, seen -> !seen.isEmpty())
                  .get(0);
          // Not "io server disconnect", after which Socket.IO clients stay away.
          assertTrue(
              Set.of("transport close", "transport error").contains(first.reason()),
              client.transport() + ": " + first.reason());
          // A websocket client is closed after SHUTDOWN_DELAY; a polling client as soon as the
          // port stops accepting (its next poll is a new connection), which follows readiness
          // turning 503 but may precede this test's probe seeing it.
          long after = client.transport().equals("websocket") ? notReady : sigterm;
          assertTrue(first.nanoTime() > after, "closed only after readiness turned 503");
          await("the client reconnects by itself")
              .atMost(Duration.ofSeconds(GRACE_SECONDS))
              .until(() -> client.reconnectAttempts() > 0);
        }
        assertEquals(0, process.awaitExit(GRACE_SECONDS + 5));
        assertTrue(
            System.nanoTime() - sigterm < Duration.ofSeconds(GRACE_SECONDS).toNanos(),
            "within SHUTDOWN_GRACE");
      }
      List<String> lines = process.output();
      assertTrue(lines.stream().anyMatch(l -> l.contains("closed 2 clients")), "" + lines);
      assertTrue(lines.stream().anyMatch(l -> l.contains("socket server stopped")), "" + lines);
      assertTrue(lines.stream().noneMatch(l -> l.contains("ERROR")), "" + lines);
    }
  }

  private static Matcher ports(JavaProcess process) {
    return PORTS.matcher(String.join("\n", process.output()));
  }
}
