package io.roomcast.socket.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.TestTokens;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two tenants write at once into their own documents; each tenant's client, holding only its own
 * tenant's grants, receives every change of its rooms and not one of the other tenant's, even after
 * trying to join them.
 */
class TwoTenantsIT {
  private static final int ROOMS = 5;
  private static final int WRITES_PER_ROOM = 20;

  /** Generous: the build machine may be shared; the property checked is what arrives, not when. */
  private static final Duration DELIVERY = Duration.ofSeconds(90);

  @Test
  void aTenantNeverReceivesAnEventOfTheOtherTenantsRooms() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server =
            SocketServers.start(mongo.connectionString(), TestTokens.SERVER_SETTINGS);
        MongoWriter writer = new MongoWriter(mongo.connectionString())) {
      List<String> roomsA = rooms();
      List<String> roomsB = rooms();
      try (JavaClient a = tenant(server, roomsA, "websocket");
          JavaClient b = tenant(server, roomsB, "polling")) {
        assertFalse(a.join(roomsB.get(0)).path("ok").asBoolean());
        assertFalse(b.join(roomsA.get(0)).path("ok").asBoolean());
        CompletableFuture<Void> writesA = CompletableFuture.runAsync(() -> write(writer, roomsA));
        CompletableFuture<Void> writesB = CompletableFuture.runAsync(() -> write(writer, roomsB));
        CompletableFuture.allOf(writesA, writesB).join();
        int expected = ROOMS * WRITES_PER_ROOM;
        await("every change delivered to its tenant")
            .atMost(DELIVERY)
            .until(() -> changes(a).size() + changes(b).size() >= 2 * expected);
        assertEquals(new HashSet<>(roomsA), uuids(a));
        assertEquals(new HashSet<>(roomsB), uuids(b));
        assertEquals(expected, changes(a).size());
        assertTrue(changes(b).stream().noneMatch(e -> roomsA.contains(e.uuid())));
      }
    }
  }

  private static List<String> rooms() {
    return java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
        .limit(ROOMS)
        .toList();
  }

  private static JavaClient tenant(SocketServer server, List<String> rooms, String transport) {
    String token = TestTokens.granting(rooms.toArray(String[]::new));
    JavaClient client =
        JavaClient.connectWith(
                SocketServers.url(server), transport, o -> o.setAuth(Map.of("token", token)))
            .awaitConnected();
    assertTrue(client.join(rooms.toArray(String[]::new)).path("ok").asBoolean());
    return client;
  }

  private static void write(MongoWriter writer, List<String> rooms) {
    for (int i = 0; i < WRITES_PER_ROOM; i++) {
      for (String room : rooms) {
        writer
            .collection("app", "items")
            .insertOne(MongoWriter.document(UUID.fromString(room), "{n: " + i + "}"));
      }
    }
  }

  private static List<Received> changes(JavaClient client) {
    return client.events().stream().filter(e -> e.name().equals("items")).toList();
  }

  private static Set<String> uuids(JavaClient client) {
    return changes(client).stream().map(Received::uuid).collect(Collectors.toSet());
  }
}
