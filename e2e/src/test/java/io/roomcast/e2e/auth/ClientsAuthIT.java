package io.roomcast.e2e.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.NodeSocketClient;
import io.roomcast.e2e.testing.RecordingClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.Stack;
import io.roomcast.embedded.testing.Http;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ROOM_AUTH=jwt with every kind of client (socket.io-client-java 2.x, Node socket.io-client v4 and
 * v2, each on websocket and polling): with a token from the backend's dev endpoint the whole room
 * scenario works; without one the handshake is refused with "unauthorized".
 */
class ClientsAuthIT {
  /** Connects a client of one kind, presenting the token when there is one. */
  @FunctionalInterface
  interface TokenClient {
    RecordingClient join(String url, List<String> rooms, String token);
  }

  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = Stack.startOwned(Stack.DEV_TOKENS_AUTH);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static Stream<Named<TokenClient>> clients() {
    return Stream.of(
        Named.of("java websocket", java("websocket")),
        Named.of("java polling", java("polling")),
        Named.of("node v4 websocket", node("v4", "websocket")),
        Named.of("node v4 polling", node("v4", "polling")),
        Named.of("node v2 websocket", node("v2", "websocket")),
        Named.of("node v2 polling", node("v2", "polling")));
  }

  private static TokenClient java(String transport) {
    return (url, rooms, token) -> JavaSocketClient.joinWithToken(url, transport, rooms, token);
  }

  private static TokenClient node(String version, String transport) {
    return (url, rooms, token) ->
        NodeSocketClient.joinWithToken(url, version, transport, rooms, token);
  }

  private static String tokenFor(List<String> rooms) {
    StringBuilder json = new StringBuilder("{\"rooms\":[");
    for (int i = 0; i < rooms.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(rooms.get(i)).append('"');
    }
    Http.Reply minted =
        new Http(stack.backendUrl()).send("POST", "/dev/token", json.append("]}").toString());
    assertEquals(200, minted.status(), String.valueOf(minted.body()));
    return minted.json().path("token").asText();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void withATokenEveryClientGetsItsRoomsChanges(TokenClient client) {
    RoomScenario.run(stack, (url, rooms) -> client.join(url, rooms, tokenFor(rooms)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void withoutATokenEveryClientIsRefusedAtTheHandshake(TokenClient client) {
    try (RecordingClient refused =
        client.join(stack.socketUrl(), List.of(UUID.randomUUID().toString()), null)) {
      await("unauthorized")
          .atMost(Duration.ofSeconds(20))
          .until(() -> refused.errors().stream().anyMatch(e -> e.contains("unauthorized")));
      // v2 clients are connected before the error packet, so their JoinRoom is answered: refused.
      JsonNode ack = refused.joinAck();
      assertTrue(ack == null || !ack.path("ok").asBoolean(), "nothing was joined: " + ack);
    }
  }
}
