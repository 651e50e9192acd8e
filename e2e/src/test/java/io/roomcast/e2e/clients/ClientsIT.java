package io.roomcast.e2e.clients;

import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.NodeSocketClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.RoomScenario.ClientFactory;
import io.roomcast.e2e.testing.Stack;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of client, from a backend HTTP write through the change stream to the room, on the
 * embedded database: socket.io-client-java 2.x, and the official JavaScript socket.io-client in
 * Node, v4 (what the page uses) and v2 (the older Engine.IO 3 protocol netty-socketio also speaks),
 * each over websocket and over long-polling.
 */
class ClientsIT {
  private static Stack stack;

  @BeforeAll
  static void startStack() {
    stack = Stack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  static Stream<Named<ClientFactory>> clients() {
    return Stream.of(
        client("java websocket", (url, rooms) -> JavaSocketClient.join(url, "websocket", rooms)),
        client("java polling", (url, rooms) -> JavaSocketClient.join(url, "polling", rooms)),
        client("node v4 websocket", node("v4", "websocket")),
        client("node v4 polling", node("v4", "polling")),
        client("node v2 websocket", node("v2", "websocket")),
        client("node v2 polling", node("v2", "polling")));
  }

  private static Named<ClientFactory> client(String name, ClientFactory factory) {
    return Named.of(name, factory);
  }

  private static ClientFactory node(String version, String transport) {
    return (url, rooms) -> NodeSocketClient.join(url, version, transport, rooms);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void writesReachOnlyTheirRoom(ClientFactory clients) {
    RoomScenario.run(stack, clients);
  }
}
