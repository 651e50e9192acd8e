package io.roomcast.socket.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A snapshot join is authorized like any join, before anything is read: a join naming a room the
 * token does not grant is refused as a whole and its ack holds no document of any room.
 */
class SnapshotAuthIT {
  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(TestTokens.SERVER_SETTINGS);

  @Test
  void aRefusedRoomGetsNoDocumentsAndNothingLeaks() {
    UUID granted = UUID.randomUUID();
    UUID secret = UUID.randomUUID();
    var items = RUNNING.writer().collection("app", "items");
    items.insertOne(MongoWriter.document(granted, "{note: 'granted-content'}"));
    items.insertOne(MongoWriter.document(secret, "{note: 'secret-content'}"));
    try (JavaClient client =
        JavaClient.connectWith(
                SocketServers.url(RUNNING.server()),
                "websocket",
                o -> o.setAuth(Map.of("token", TestTokens.granting(granted.toString()))))
            .awaitConnected()) {
      JsonNode refused =
          client.emitWithAck("JoinRoom", SnapshotJoinIT.snapshotJoin(granted, secret));
      assertFalse(refused.path("ok").asBoolean(), refused.toString());
      assertFalse(refused.toString().contains("content"), "no document in a refusal: " + refused);
      assertFalse(refused.has("position"), refused.toString());
      assertEquals("not authorized", refused.path("results").get(1).path("reason").asText());
      JsonNode joined = client.emitWithAck("JoinRoom", SnapshotJoinIT.snapshotJoin(granted));
      assertTrue(joined.path("ok").asBoolean(), joined.toString());
      assertTrue(joined.toString().contains("granted-content"), joined.toString());
      assertFalse(joined.toString().contains("secret-content"), joined.toString());
    }
  }
}
