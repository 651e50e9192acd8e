package io.roomcast.socket.replay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.SocketServerMain;
import io.roomcast.socket.testing.RejoiningClient;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.SteadyWriter;
import io.roomcast.socket.testing.Tally;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changes keep flowing while the client's server goes away: killed with SIGKILL and restarted (the
 * client reconnects to the new process, whose window is empty, so its rejoin is read from MongoDB),
 * or the client moves to a second server. Every change arrives exactly once; a seed client without
 * {@code since} loses what happened while it was away. Both client protocols (EIO=4 and EIO=3).
 */
class ServerMovesIT {
  private static final String MAIN = SocketServerMain.class.getName();

  @ParameterizedTest(name = "EIO={0}")
  @ValueSource(ints = {4, 3})
  void killedAndRestartedServerLosesNothingForAClientWithSince(int eio) throws Exception {
    UUID room = UUID.randomUUID();
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      int port = FreePorts.next();
      Map<String, String> env =
          Map.of(
              "MONGODB_URI", mongo.connectionString(),
              "SOCKET_HOST", "127.0.0.1",
              "SOCKET_PORT", Integer.toString(port),
              "ROOM_AUTH", "open",
              "ADMIN_HOST", "127.0.0.1",
              "ADMIN_PORT", "0");
      String url = "http://127.0.0.1:" + port;
      JavaProcess first = JavaProcess.start(MAIN, env);
      first.awaitLine("socket server listening", Duration.ofSeconds(60));
      try (RejoiningClient client = RejoiningClient.connect(eio, url, room.toString(), true);
          RejoiningClient seed = RejoiningClient.connect(eio, url, room.toString(), false);
          SteadyWriter writer = SteadyWriter.start(mongo.connectionString(), room, 10)) {
        await("joined (" + client + " / " + seed + ")")
            .atMost(Duration.ofSeconds(30))
            .until(() -> !client.acks().isEmpty() && !seed.acks().isEmpty());
        await("changes flow").until(() -> client.tally().received() > 50);
        first.kill(30);
        int whileDown = writer.written() + 100;
        await("writes while the server is down").until(() -> writer.written() >= whileDown);
        try (JavaProcess second = JavaProcess.start(MAIN, env)) {
          second.awaitLine("socket server listening", Duration.ofSeconds(60));
          await("rejoined the new process")
              .atMost(Duration.ofSeconds(30))
              .until(() -> client.acks().size() >= 2 && seed.acks().size() >= 2);
          int total = writer.written() + 50;
          await("writes after the restart").until(() -> writer.written() >= total);
          int written = writer.stop();
          client.tally().awaitAll(written, client);
          assertEquals(0, client.tally().duplicates(), "changes received twice");
          assertTrue(
              client
                  .acks()
                  .get(client.acks().size() - 1)
                  .path("results")
                  .get(0)
                  .path("recovered")
                  .asBoolean(),
              client.toString());
          await("the seed client's last change").until(() -> seed.tally().has(written - 1));
          assertFalse(seed.tally().missing(0, written).isEmpty(), "without since, a gap");
        }
      } finally {
        first.close();
      }
    }
  }

  @ParameterizedTest(name = "EIO={0}")
  @ValueSource(ints = {4, 3})
  void aClientMovedToAnotherServerLosesNothing(int eio) throws Exception {
    UUID room = UUID.randomUUID();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer one = SocketServers.start(mongo.connectionString(), Map.of());
        SocketServer two = SocketServers.start(mongo.connectionString(), Map.of());
        SteadyWriter writer = SteadyWriter.start(mongo.connectionString(), room, 10)) {
      RejoiningClient onOne =
          RejoiningClient.connect(eio, SocketServers.url(one), room.toString(), true);
      Tally tally = onOne.tally();
      await("changes flow on the first server").until(() -> tally.received() > 50);
      onOne.close();
      int away = writer.written() + 50;
      await("writes while the client moves").until(() -> writer.written() >= away);
      try (RejoiningClient onTwo = onOne.moveTo(SocketServers.url(two))) {
        await("joined the second server").until(() -> onTwo.acks().size() == 1);
        assertTrue(
            onTwo.acks().get(0).path("results").get(0).path("recovered").asBoolean(),
            onTwo.toString());
        int total = writer.written() + 50;
        await("writes after the move").until(() -> writer.written() >= total);
        int written = writer.stop();
        tally.awaitAll(written, onTwo);
        assertEquals(0, tally.duplicates(), "changes received twice");
      }
    }
  }
}
