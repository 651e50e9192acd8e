package io.roomcast.e2e.clients;

import io.roomcast.e2e.testing.NodeSocketClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official JavaScript socket.io-client in Node: v4 (what the page uses) and v2 (the older
 * Engine.IO 3 protocol that netty-socketio also speaks), over each transport.
 */
class NodeClientsIT {
  private static Stack stack;

  @BeforeAll
  static void startStack() {
    stack = Stack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"v4,websocket", "v4,polling", "v2,websocket", "v2,polling"})
  void writesReachOnlyTheirRoom(String version, String transport) {
    RoomScenario.run(stack, (url, rooms) -> NodeSocketClient.join(url, version, transport, rooms));
  }
}
