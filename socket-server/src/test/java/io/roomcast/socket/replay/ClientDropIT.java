package io.roomcast.socket.replay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.TcpRelay;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.RejoiningClient;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.SteadyWriter;
import io.roomcast.socket.testing.Tally;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client whose TCP connection drops every 100 changes while changes flow at a steady rate: with
 * {@code since} it gets every change exactly once (from the server's window); a seed client that
 * rejoins with a plain array misses some, which shows the test can tell. (Long-polling is left out
 * here: a cut poll response loses its packets without the client noticing a disconnect, so there is
 * nothing to rejoin; {@code SinceJoinIT} covers the v3 polling client's rejoin.) Both protocol
 * versions, each with a seed client of its own.
 */
class ClientDropIT {
  private static final int DROPS = 4;

  /**
   * The default window serves the rejoins; a window of 50 (half a second) sends most to MongoDB
   * (catch-up). Both client protocols: socket.io-client-java (EIO=4) and the Socket.IO v2 protocol
   * (EIO=3).
   */
  @ParameterizedTest(name = "EIO={0}, window {1}")
  @CsvSource({"4, 10000", "4, 50", "3, 10000", "3, 50"})
  void aClientThatRejoinsWithSinceMissesNothingAcrossDrops(int eio, String window)
      throws Exception {
    UUID room = UUID.randomUUID();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server =
            SocketServers.start(mongo.connectionString(), Map.of("REPLAY_WINDOW_EVENTS", window));
        TcpRelay relay = TcpRelay.start(server.port());
        RejoiningClient websocket =
            RejoiningClient.connect(eio, url(relay), room.toString(), true);
        RejoiningClient seed = RejoiningClient.connect(eio, url(relay), room.toString(), false)) {
      List<RejoiningClient> clients = List.of(websocket, seed);
      await("joined").until(() -> clients.stream().allMatch(c -> c.acks().size() == 1));
      SteadyWriter writer = SteadyWriter.start(mongo.connectionString(), room, 10);
      for (int drop = 0; drop < DROPS; drop++) {
        int before = writer.written();
        await("writes go on").until(() -> writer.written() > before + 100);
        relay.cut();
        relay.restore();
      }
      int written = writer.written() + 50;
      await("writes go on").until(() -> writer.written() >= written);
      int total = writer.stop();
      writer.close();

      Tally tally = websocket.tally();
      tally.awaitAll(total, websocket);
      assertEquals(0, tally.duplicates(), "changes received twice");
      assertTrue(websocket.acks().size() > DROPS / 2, "rejoined after drops: " + websocket);
      JsonNode rejoin = websocket.acks().get(websocket.acks().size() - 1).path("results").get(0);
      assertTrue(rejoin.path("recovered").asBoolean(), rejoin.toString());
      assertTrue(rejoin.path("replayed").asInt() > 0, rejoin.toString());
      Tally seedTally = seed.tally();
      await("the seed client's last change").until(() -> seedTally.has(total - 1));
      assertFalse(
          seedTally.missing(0, total).isEmpty(), "without since, changes during drops are lost");
    }
  }

  private static String url(TcpRelay relay) {
    return "http://127.0.0.1:" + relay.port();
  }
}
