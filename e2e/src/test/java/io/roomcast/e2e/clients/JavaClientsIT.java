package io.roomcast.e2e.clients;

import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** socket.io-client-java 2.x over each transport, from a backend HTTP write to the room. */
class JavaClientsIT {
  private static Stack stack;

  @BeforeAll
  static void startStack() {
    stack = Stack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"websocket", "polling"})
  void writesReachOnlyTheirRoom(String transport) {
    RoomScenario.run(stack, (url, rooms) -> JavaSocketClient.join(url, transport, rooms));
  }
}
