package io.roomcast.e2e.recovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.roomcast.e2e.testing.RecoveringNodeClient;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.embedded.testing.TcpRelay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection state recovery with the official socket.io-client v4 and no application code: under
 * steady writes, after its TCP connection is cut, after kill -9 and a restart of the socket server,
 * and when it lands on another node, the client reports {@code socket.recovered === true}, is back
 * in its room without rejoining, and has received every change exactly once (by {@code meta.id}).
 */
class RecoveryIT {
  private static final String MAIN = "io.roomcast.socket.SocketServerMain";
  private static final Duration WRITE_PERIOD = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private EmbeddedMongo mongo;
  private TcpRelay relay;

  @BeforeEach
  void start() throws Exception {
    mongo = EmbeddedMongo.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (relay != null) {
      relay.close();
    }
    mongo.close();
  }

  private JavaProcess server(int port) {
    JavaProcess process =
        JavaProcess.start(
            MAIN,
            Map.of(
                "MONGODB_URI", mongo.connectionString(),
                "SOCKET_HOST", "127.0.0.1",
                "SOCKET_PORT", Integer.toString(port),
                "ROOM_AUTH", "open",
                "ADMIN_HOST", "127.0.0.1",
                "ADMIN_PORT", "0",
                "SHUTDOWN_DELAY", "0",
                "RECOVERY_SECRET", "e2e-recovery-secret-shared-by-every-node"));
    try {
      process.awaitLine("socket server listening", Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      process.close(); // not yet in the caller's try-with-resources
      throw e;
    }
    return process;
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void aCutConnectionIsRecovered(String transport) throws Exception {
    int port = FreePorts.next();
    try (JavaProcess node = server(port)) {
      relay = TcpRelay.start(port);
      scenario(transport, () -> relay.cut(), () -> relay.restore());
    }
  }

  @Test
  void aKilledAndRestartedServerRecoversItsClients() throws Exception {
    int port = FreePorts.next();
    JavaProcess first = server(port);
    try {
      relay = TcpRelay.start(port);
      int second = FreePorts.next();
      JavaProcess[] restarted = new JavaProcess[1];
      try {
        scenario(
            "websocket",
            () -> {
              first.kill(30);
              relay.cut();
            },
            () -> {
              restarted[0] = server(second);
              relay.retarget(second);
              relay.restore();
            });
      } finally {
        if (restarted[0] != null) {
          restarted[0].close();
        }
      }
    } finally {
      first.close();
    }
  }

  @Test
  void aClientMovedToAnotherNodeIsRecovered() throws Exception {
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    try (JavaProcess a = server(portA);
        JavaProcess b = server(portB)) {
      relay = TcpRelay.start(portA);
      scenario(
          "websocket",
          () -> relay.cut(),
          () -> {
            relay.retarget(portB);
            relay.restore();
          });
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private void scenario(String transport, Step breakIt, Step mendIt) throws Exception {
    UUID room = UUID.randomUUID();
    try (RecoveringNodeClient client =
            RecoveringNodeClient.join(
                "http://127.0.0.1:" + relay.port(), transport, List.of(room.toString()));
        SteadyWrites writes = new SteadyWrites(mongo.connectionString(), room, WRITE_PERIOD)) {
      await("changes flowing").atMost(WAIT).until(() -> client.ids().size() >= 20);
      await("session stored").atMost(WAIT).until(() -> sessionStored(room));
      breakIt.run();
      int before = writes.written();
      await("writes while away").atMost(WAIT).until(() -> writes.written() >= before + 25);
      int mended = writes.written();
      mendIt.run();
      await("reconnected").atMost(WAIT).until(() -> client.connects().size() >= 2);
      int after = writes.written();
      await("writes after").atMost(WAIT).until(() -> writes.written() >= after + 25);
      List<String> expected = writes.stop();
      List<Boolean> connects = client.connects();
      assertEquals(false, connects.get(0), "a first connect is never recovered");
      assertEquals(
          List.of(true),
          connects.subList(1, connects.size()).stream().distinct().toList(),
          "socket.recovered at every reconnect: " + connects);
      try {
        await("every change received").atMost(WAIT).until(() -> client.missing(expected).isEmpty());
      } catch (ConditionTimeoutException e) {
        List<String> missing = client.missing(expected);
        fail(
            missing.size()
                + " of "
                + expected.size()
                + " changes missing (received "
                + client.ids().size()
                + "), the first at "
                + expected.indexOf(missing.get(0))
                + ", the last at "
                + expected.indexOf(missing.get(missing.size() - 1))
                + " (cut at write "
                + before
                + ", mended at write "
                + mended
                + "; connects after "
                + client.connectedAfter()
                + " changes received; missing "
                + missing
                + ")");
      }
      assertEquals(List.of(), client.duplicates(), "duplicated");
      assertEquals(List.of(), client.problems());
    }
  }

  private boolean sessionStored(UUID room) {
    try (com.mongodb.client.MongoClient client =
        com.mongodb.client.MongoClients.create(mongo.connectionString())) {
      return client
              .getDatabase("roomcast")
              .getCollection("roomcast_sessions")
              .countDocuments(new org.bson.Document("rooms", room.toString()))
          == 1;
    }
  }
}
