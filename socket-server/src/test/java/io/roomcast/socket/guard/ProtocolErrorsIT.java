package io.roomcast.socket.guard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.JdkWebSocket;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.ServerWithDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine.IO protocol errors get the reference server's answers; nothing precedes CONNECT. */
class ProtocolErrorsIT {
  private static final String UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}";
  private static final String BAD_VERSION =
      "{\"code\":5,\"message\":\"Unsupported protocol version\"}";

  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0b6c2a3e-2c4f-4f0e-9d1a-3f5e7c9b1d2f",
        "1-1-1-1-1",
        "not-a-sid",
        "0B6C2A3E-2C4F-4F0E-9D1A-3F5E7C9B1D2F"
      })
  void anUnknownSidIsAnswered400AtOnce(String sid) throws Exception {
    int port = RUNNING.port();
    assertError(400, UNKNOWN_SID, RawPolling.get(port, sid));
    assertError(400, UNKNOWN_SID, RawPolling.post(port, sid, "40"));
    assertError(400, UNKNOWN_SID, upgrade("EIO=4&transport=websocket&sid=" + sid));
  }

  @Test
  void aClosedSessionsSidIsUnknown() throws Exception {
    String sid = RawPolling.open(RUNNING.port());
    RawPolling.post(RUNNING.port(), sid, "1"); // Engine.IO close
    // A poll that arrives before the close is handled is held until the next ping (25 s).
    await("session closed")
        .atMost(Duration.ofSeconds(60))
        .until(() -> RawPolling.get(RUNNING.port(), sid).status() == 400);
    assertError(400, UNKNOWN_SID, RawPolling.get(RUNNING.port(), sid));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EIO=5&", "EIO=abc&", "EIO=%EF%BC%94&", "EIO=&", ""})
  void anUnsupportedProtocolVersionIsAnswered400(String eio) throws Exception {
    assertError(400, BAD_VERSION, polling("GET", eio + "transport=polling"));
    assertError(400, BAD_VERSION, upgrade(eio + "transport=websocket"));
  }

  @Test
  void supportedVersionsAreServed() throws Exception {
    assertEquals(200, polling("GET", "EIO=3&transport=polling").status());
    assertEquals(200, polling("GET", "EIO=4&transport=polling").status());
  }

  @Test
  void otherHandshakeErrorsGetEngineIoCodes() throws Exception {
    assertError(
        400,
        "{\"code\":0,\"message\":\"Transport unknown\"}",
        polling("GET", "EIO=4&transport=flash"));
    assertError(400, "{\"code\":0,\"message\":\"Transport unknown\"}", polling("GET", "EIO=4"));
    assertError(
        400,
        "{\"code\":2,\"message\":\"Bad handshake method\"}",
        polling("POST", "EIO=4&transport=polling"));
    assertError(
        400,
        "{\"code\":3,\"message\":\"Bad request\"}",
        polling("GET", "EIO=4&transport=websocket"));
  }

  @Test
  void brokenQueryParametersAreAnswered400() throws Exception {
    String sid = RawPolling.open(RUNNING.port());
    String badRequest = "{\"code\":3,\"message\":\"Bad request\"}";
    for (String extra : new String[] {"&j=abc", "&j=99999999999", "&b64=maybe"}) {
      assertError(400, badRequest, polling("POST", "EIO=4&transport=polling&sid=" + sid + extra));
    }
    assertEquals(200, RawPolling.post(RUNNING.port(), sid, "40").status(), "session unharmed");
  }

  @Test
  void eventsBeforeConnectAreNotActedOnOverWebsocket() throws Exception {
    UUID room = UUID.randomUUID();
    try (JdkWebSocket client = JdkWebSocket.open(RUNNING.port())) {
      client.sendText("421[\"JoinRoom\",[\"" + room + "\"]]");
      client.sendText("422[\"Check\",\"early\"]");
      client.sendText("40");
      client.awaitMessage("40");
      client.sendText("423[\"Check\",\"late\"]");
      client.awaitMessage("433");
      assertTrue(
          client.received().stream().noneMatch(m -> m.startsWith("431[") || m.startsWith("432[")),
          "no ack for what came before CONNECT: " + client.received());
      assertNotInRoom(room, client);
    }
  }

  @Test
  void eventsBeforeConnectAreNotActedOnOverPolling() throws Exception {
    UUID room = UUID.randomUUID();
    int port = RUNNING.port();
    String sid = RawPolling.open(port);
    // One payload: two POSTs may be handled out of order (each is answered before it is handled).
    RawPolling.post(
        port,
        sid,
        "421[\"JoinRoom\",[\""
            + room
            + "\"]]\u001e422[\"Check\",\"early\"]\u001e40\u001e423[\"Check\",\"late\"]");
    // The POST is answered before its packets are handled: poll until the late ack is there.
    StringBuilder received = new StringBuilder();
    await("the ack of the event after CONNECT")
        .atMost(JavaClient.TIMEOUT)
        .until(() -> received.append(RawPolling.get(port, sid).body()).indexOf("433[") >= 0);
    String polled = received.toString();
    assertTrue(polled.contains("40{"), polled);
    assertTrue(polled.contains("433["), polled);
    assertFalse(polled.contains("431[") || polled.contains("432["), polled);
  }

  /** A change to the room does not reach the client, though one to a joined room does. */
  private static void assertNotInRoom(UUID room, JdkWebSocket client) {
    UUID joined = UUID.randomUUID();
    client.sendText("424[\"JoinRoom\",[\"" + joined + "\"]]");
    client.awaitMessage("434");
    var items = RUNNING.writer().collection("app", "items");
    items.insertOne(MongoWriter.document(room, "{n: 1}"));
    items.insertOne(MongoWriter.document(joined, "{n: 2}"));
    await("the joined room's event")
        .atMost(JavaClient.TIMEOUT)
        .until(() -> client.received().stream().anyMatch(m -> m.contains(joined.toString())));
    assertTrue(
        client.received().stream().noneMatch(m -> m.contains(room.toString() + "\"")),
        "an event of the room joined before CONNECT arrived: " + client.received());
  }

  private static void assertError(int status, String body, Http.Reply response) {
    assertEquals(status, response.status(), response.head());
    assertEquals(body, response.body());
    assertTrue(response.head().contains("application/json"), response.head());
  }

  private static Http.Reply polling(String method, String query) throws Exception {
    return RawHttp.send(method, RawPolling.uri(RUNNING.port(), query), Map.of(), new byte[0]);
  }

  /** A websocket upgrade request written by hand; the whole answer is read. */
  private static Http.Reply upgrade(String query) throws Exception {
    return RawHttp.send(
        "GET",
        RawPolling.uri(RUNNING.port(), query),
        Map.of(
            "Upgrade", "websocket",
            "Connection", "Upgrade",
            "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version", "13"),
        new byte[0]);
  }
}
