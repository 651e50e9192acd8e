package io.roomcast.socket.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.testing.Http;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsers from origins not on ALLOWED_ORIGINS are refused before any Socket.IO handling. */
class OriginIT {
  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  private static Http.Reply pollingHandshake(String method, String origin) {
    return new Http(SocketServers.url(RUNNING.server()))
        .withHeaders(
            method,
            "/socket.io/?EIO=4&transport=polling",
            origin == null ? Map.of() : Map.of("Origin", origin),
            null);
  }

  @Test
  void aPollingHandshakeFromAnotherOriginIsRefusedWithoutCorsHeaders() throws Exception {
    Http.Reply response = pollingHandshake("GET", SocketServers.OTHER_ORIGIN);
    assertEquals(403, response.status());
    assertEquals(Optional.empty(), response.header("Access-Control-Allow-Origin"));
    assertEquals(
        403, pollingHandshake("OPTIONS", SocketServers.OTHER_ORIGIN).status(), "preflight");
    assertEquals(403, pollingHandshake("GET", "null").status(), "opaque origin");
  }

  @Test
  void anAllowedOriginGetsItselfBackAsTheCorsOrigin() throws Exception {
    Http.Reply response = pollingHandshake("GET", SocketServers.ALLOWED_ORIGIN);
    assertEquals(200, response.status());
    assertTrue(response.body().startsWith("0{"), response.body());
    assertEquals(
        Optional.of(SocketServers.ALLOWED_ORIGIN), response.header("Access-Control-Allow-Origin"));
  }

  @Test
  void aRequestWithoutOriginIsAllowed() throws Exception {
    assertEquals(200, pollingHandshake("GET", null).status());
  }

  @Test
  void aWebsocketUpgradeFromAnotherOriginIsRefused() throws Exception {
    assertEquals("HTTP/1.1 403 Forbidden", websocketUpgradeStatus(SocketServers.OTHER_ORIGIN));
    assertEquals(
        "HTTP/1.1 101 Switching Protocols", websocketUpgradeStatus(SocketServers.ALLOWED_ORIGIN));
    assertEquals("HTTP/1.1 101 Switching Protocols", websocketUpgradeStatus(null));
  }

  @Test
  void realClientsFromAnAllowedOriginConnectAndFromAnotherDoNot() {
    String room = UUID.randomUUID().toString();
    for (String transport : new String[] {"websocket", "polling"}) {
      try (JavaClient allowed =
              JavaClient.connectFrom(
                  SocketServers.url(RUNNING.server()), transport, SocketServers.ALLOWED_ORIGIN);
          JavaClient refused =
              JavaClient.connectFrom(
                  SocketServers.url(RUNNING.server()), transport, SocketServers.OTHER_ORIGIN)) {
        assertTrue(allowed.awaitConnected().join(room).path("ok").asBoolean());
        org.awaitility.Awaitility.await(transport + " refusal reported")
            .atMost(JavaClient.TIMEOUT)
            .until(() -> !refused.connectErrors().isEmpty());
        assertFalse(refused.connected());
      }
    }
  }

  /** Sends a websocket upgrade by hand and returns the response's status line. */
  private static String websocketUpgradeStatus(String origin) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", RUNNING.server().port())) {
      String request =
          "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
              + "Host: 127.0.0.1:"
              + RUNNING.server().port()
              + "\r\n"
              + "Upgrade: websocket\r\n"
              + "Connection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + (origin == null ? "" : "Origin: " + origin + "\r\n")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout((int) JavaClient.TIMEOUT.toMillis());
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
