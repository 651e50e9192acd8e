package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (a new embedded instance on the same port, so with none of
 * the old history): clients stay connected and receive the changes made after it returns.
 */
class DatabaseRestartIT {
  @Test
  void clientsKeepTheirRoomsAndReceiveChangesAfterTheDatabaseReturns() {
    EmbeddedMongo first = EmbeddedMongo.start();
    int port = first.port();
    String uri = first.connectionString();
    UUID uuid = UUID.randomUUID();
    EmbeddedMongo second = null;
    try (SocketServer server = SocketServers.start(uri);
        JavaClient websocket =
            JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected();
        JavaClient polling =
            JavaClient.connect(SocketServers.url(server), "polling").awaitConnected()) {
      websocket.join(uuid.toString());
      polling.join(uuid.toString());
      try (MongoWriter writer = new MongoWriter(uri)) {
        writer.collection("app", "items").insertOne(MongoWriter.document(uuid, "{before: true}"));
        websocket.awaitEvent("change before the restart", e -> e.body().has("before"));
      }

      first.close();
      second = EmbeddedMongo.start(EmbeddedMongoOptions.defaults().withPort(port));

      // The stream reopens after a backoff; until then a write is not yet watched, so the test
      // keeps writing (one numbered document per poll) until one arrives.
      AtomicInteger written = new AtomicInteger();
      try (MongoWriter writer = new MongoWriter(uri)) {
        await("a change after the database returned")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  writer
                      .collection("app", "items")
                      .insertOne(
                          MongoWriter.document(uuid, "{after: " + written.incrementAndGet() + "}"));
                  return websocket.events().stream().anyMatch(e -> e.body().has("after"))
                      && polling.events().stream().anyMatch(e -> e.body().has("after"));
                });
      }
      assertTrue(websocket.connected() && polling.connected(), "clients stayed connected");
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }
}
