package io.roomcast.e2e.clients;

import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.NodeSocketClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.Stack;
import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import io.roomcast.embedded.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same end-to-end scenario on a real MongoDB replica set (mongo:8 through Testcontainers). Runs
 * where a Docker engine is present; elsewhere JUnit reports it skipped with the reason.
 */
@RequiresDocker
class RealReplicaSetIT {
  private static MongoTarget mongo;
  private static Stack stack;

  @BeforeAll
  static void startStack() {
    mongo = MongoTargets.realReplicaSet();
    stack = Stack.start(mongo.connectionString());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  @Test
  void javaClientOverWebsocket() {
    RoomScenario.run(stack, (url, rooms) -> JavaSocketClient.join(url, "websocket", rooms));
  }

  @Test
  void javaClientOverPolling() {
    RoomScenario.run(stack, (url, rooms) -> JavaSocketClient.join(url, "polling", rooms));
  }

  @Test
  void nodeClient() {
    RoomScenario.run(stack, (url, rooms) -> NodeSocketClient.join(url, "v4", "websocket", rooms));
  }
}
