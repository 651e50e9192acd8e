package io.roomcast.socket.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JoinRoom naming a UUID with non-ASCII digits or letters that {@link UUID#fromString} would read
 * as hex (fullwidth {@code ３}, Arabic-Indic {@code ٣}, fullwidth {@code ｂ}) is refused over a real
 * connection, and joins neither that string nor the ASCII UUID it resembles.
 */
class NonAsciiUuidIT {
  private static EmbeddedMongo mongo;
  private static SocketServer server;
  private static MongoWriter writer;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString());
    writer = new MongoWriter(mongo.connectionString());
  }

  @AfterAll
  static void stop() {
    writer.close();
    server.close();
    mongo.close();
  }

  @Test
  void nonAsciiHexIsNotAUuid() {
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected()) {
      String lookalike = "3b241101-e2bb-4255-8caf-4136c566a962";
      for (String odd : new String[] {"\uff13", "\u0663", "\uff42"}) {
        String given = odd + lookalike.substring(1);
        JsonNode ack = client.join(given);
        assertFalse(ack.path("ok").asBoolean(), ack.toString());
        assertEquals("not a UUID", ack.path("results").get(0).path("reason").asText());
      }
      String fence = UUID.randomUUID().toString();
      assertTrue(client.join(fence).path("ok").asBoolean());
      insert(lookalike, "{leak: true}");
      insert(fence, "{fence: true}");
      client.awaitEvent("the fence", e -> e.body().path("fence").asBoolean());
      assertTrue(
          client.events().stream().noneMatch(e -> e.body().path("leak").asBoolean()),
          "joined the ASCII lookalike room");
    }
  }

  private static void insert(String room, String json) {
    writer.collection("app", "items").insertOne(MongoWriter.document(UUID.fromString(room), json));
  }
}
