package io.roomcast.socket.guard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.JdkWebSocket;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No session without a handshake: preflights create none, a session without CONNECT is freed after
 * CONNECT_TIMEOUT, and beyond MAX_CLIENTS sessions a handshake is answered 503 at once.
 */
class SessionLimitsIT {
  private static final int MAX_CLIENTS = 20;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** For the tests that must not see sessions expire while they fill the server. */
  private static final Duration LONG_TIMEOUT = Duration.ofMinutes(2);

  private EmbeddedMongo mongo;
  private SocketServer server;

  @BeforeEach
  void startDatabase() {
    mongo = EmbeddedMongo.start();
  }

  private void startServer(Duration connectTimeout) {
    server =
        SocketServers.start(
            mongo.connectionString(),
            Map.of(
                "MAX_CLIENTS", Integer.toString(MAX_CLIENTS),
                "CONNECT_TIMEOUT", Long.toString(connectTimeout.toMillis())));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    mongo.close();
  }

  @Test
  void preflightsCreateNoSession() throws Exception {
    startServer(LONG_TIMEOUT);
    Map<String, String> preflight =
        Map.of(
            "Origin", SocketServers.ALLOWED_ORIGIN,
            "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "content-type");
    for (int i = 0; i < MAX_CLIENTS * 3; i++) {
      Http.Reply response =
          RawHttp.send(
              "OPTIONS",
              RawPolling.uri(server.port(), "EIO=4&transport=polling"),
              preflight,
              new byte[0]);
      assertEquals(204, response.status(), response.head());
      assertTrue(response.head().contains(SocketServers.ALLOWED_ORIGIN), response.head());
    }
    fillToTheLimit(); // all MAX_CLIENTS sessions are still available
  }

  @Test
  void beyondMaxClientsAHandshakeIsAnswered503AtOnceAndOthersAreServed() throws Exception {
    startServer(LONG_TIMEOUT);
    try (JavaClient connected =
        JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected()) {
      List<String> sids = new ArrayList<>();
      for (int i = 1; i < MAX_CLIENTS; i++) {
        sids.add(RawPolling.open(server.port()));
      }
      Http.Reply refused = RawPolling.handshake(server.port(), Map.of());
      assertEquals(503, refused.status());
      assertTrue(refused.hasHeader("Retry-After"), refused.head());
      assertEquals(503, upgradeStatus());
      assertTrue(connected.join(UUID.randomUUID().toString()).path("ok").asBoolean());
    }
  }

  @Test
  void aSessionWithoutConnectIsFreedAfterTheTimeoutAndAConnectedOneStays() throws Exception {
    startServer(CONNECT_TIMEOUT);
    Eio3PollingClient v3Polling = Eio3PollingClient.connect(SocketServers.url(server));
    try (JavaClient connected =
            JavaClient.connect(SocketServers.url(server), "polling").awaitConnected();
        JdkWebSocket unconnectedSocket = JdkWebSocket.open(server.port());
        JdkWebSocket v3Socket = JdkWebSocket.open(server.port(), "3", Map.of())) {
      List<String> unconnected = fillToTheLimit();
      assertEquals(503, RawPolling.handshake(server.port(), Map.of()).status());

      await("sessions without CONNECT freed")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> RawPolling.get(server.port(), unconnected.get(0)).status() == 400);
      await("the websocket without CONNECT told DISCONNECT or closed")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> unconnectedSocket.received().contains("41") || unconnectedSocket.isClosed());
      fillToTheLimit(); // freed places are available again
      assertTrue(connected.connected());
      assertTrue(connected.join(UUID.randomUUID().toString()).path("ok").asBoolean());
      // Engine.IO 3 sessions are connected by their handshake and stay.
      v3Polling.send("421[\"Check\",\"v3 polling\"]");
      v3Polling.awaitPacket("431");
      v3Socket.sendText("421[\"Check\",\"v3 websocket\"]");
      v3Socket.awaitMessage("431");
      assertTrue(!v3Socket.isClosed());
    }
  }

  /** Opens v4 polling sessions until the server refuses; returns their sids. */
  private List<String> fillToTheLimit() throws Exception {
    List<String> sids = new ArrayList<>();
    while (true) {
      Http.Reply response = RawPolling.handshake(server.port(), Map.of());
      if (response.status() == 503) {
        assertTrue(sids.size() > 0 && sids.size() <= MAX_CLIENTS, "opened " + sids.size());
        return sids;
      }
      sids.add(RawPolling.sid(response));
      assertTrue(sids.size() <= MAX_CLIENTS, "more than MAX_CLIENTS sessions");
    }
  }

  private int upgradeStatus() throws Exception {
    return RawHttp.send(
            "GET",
            RawPolling.uri(server.port(), "EIO=4&transport=websocket"),
            Map.of(
                "Upgrade", "websocket",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version", "13"),
            new byte[0])
        .status();
  }
}
