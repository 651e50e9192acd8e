package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.testing.Http;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.JdkWebSocket;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session ids are random and never taken from the client: a handshake presenting another client's
 * sid (as the {@code io} cookie or {@code io} header netty-socketio honours) gets a session of its
 * own, and the other client keeps receiving its room's events. Every sid carries the node's NODE_ID
 * in its first two hex digits.
 */
class SessionIdIT {
  private static final int NODE_ID = 0xab;

  @RegisterExtension
  static final ServerWithDatabase RUNNING =
      ServerWithDatabase.perClass(Map.of("NODE_ID", Integer.toString(NODE_ID)));

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void aHandshakeWithTheVictimsSidGetsANewSessionAndTheVictimKeepsItsEvents(String transport)
      throws Exception {
    UUID room = UUID.randomUUID();
    try (JavaClient victim =
        JavaClient.connect(SocketServers.url(RUNNING.server()), transport).awaitConnected()) {
      assertTrue(victim.join(room.toString()).path("ok").asBoolean());
      String victimSid = victim.sid();
      Map<String, String> cookie = Map.of("Cookie", "io=" + victimSid);

      Http.Reply polling = RawPolling.handshake(RUNNING.port(), cookie);
      String pollingSid = RawPolling.sid(polling);
      assertNotEquals(victimSid, pollingSid, "polling handshake with the victim's cookie");
      assertFalse(polling.hasHeader("Set-Cookie"), "no sid cookie is handed out: " + polling);
      RawPolling.post(RUNNING.port(), pollingSid, "40");
      String headerSid =
          RawPolling.sid(RawPolling.handshake(RUNNING.port(), Map.of("io", victimSid)));
      assertNotEquals(victimSid, headerSid, "polling handshake with the victim's sid as io header");

      try (JdkWebSocket attacker = JdkWebSocket.open(RUNNING.port(), "4", cookie)) {
        assertNotEquals(victimSid, attacker.sid(), "websocket handshake with the victim's cookie");
        attacker.sendText("40");
        attacker.awaitMessage("40");

        RUNNING.writer().collection("app", "items").insertOne(MongoWriter.document(room, "{n: 1}"));
        victim.awaitEvent("the victim's event", e -> e.uuid().equals(room.toString()));
        assertTrue(victim.connected());
        assertEquals(victimSid, victim.sid());
      }
    }
  }

  @Test
  void sessionIdsAreDistinctUuidsStartingWithTheNodeId() throws Exception {
    Set<String> sids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      sids.add(RawPolling.open(RUNNING.port()));
    }
    try (JdkWebSocket websocket = JdkWebSocket.open(RUNNING.port(), "4", Map.of())) {
      sids.add(websocket.sid());
    }
    assertEquals(201, sids.size());
    for (String sid : sids) {
      // Lowercase canonical UUID text; the layout (node byte, 120 random bits) is
      // NodeSessionIdsTest's.
      assertEquals(UUID.fromString(sid).toString(), sid);
      assertTrue(sid.startsWith(String.format("%02x", NODE_ID)), sid);
    }
  }
}
