package io.roomcast.socket.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v4 clients over websocket and long-polling, and a v2 (Engine.IO 3) client, in the same rooms. */
class TransportsIT {
  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void aV4ClientReceivesChangesOverEachTransport(String transport) {
    UUID uuid = UUID.randomUUID();
    try (JavaClient client =
        JavaClient.connect(SocketServers.url(RUNNING.server()), transport).awaitConnected()) {
      assertTrue(client.join(uuid.toString()).path("ok").asBoolean());
      RUNNING
          .writer()
          .collection("app", "items")
          .insertOne(MongoWriter.document(uuid, "{via: '" + transport + "'}"));
      Received insert = client.awaitEvent("insert", e -> "items".equals(e.name()));
      assertEquals(transport, insert.body().path("via").asText());
      assertEquals("insert", insert.operationType());
    }
  }

  @Test
  void aV2ClientOverEngineIo3PollingJoinsAndReceivesTheSameEvent() throws Exception {
    UUID uuid = UUID.randomUUID();
    String room = uuid.toString();
    Eio3PollingClient v2 = Eio3PollingClient.connect(SocketServers.url(RUNNING.server()));
    try (JavaClient v4 =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      v4.join(room);
      v2.send("420[\"JoinRoom\",[\"" + room.toUpperCase() + "\"]]");
      JsonNode ack = Eio3PollingClient.arguments(v2.awaitPacket("430"));
      assertEquals(
          "{\"ok\":true,\"results\":[{\"uuid\":\"" + room + "\",\"status\":\"joined\"}]}",
          ack.get(0).toString());

      RUNNING
          .writer()
          .collection("app", "items")
          .insertOne(MongoWriter.document(uuid, "{text: 'für beide'}"));
      JsonNode event = Eio3PollingClient.arguments(v2.awaitPacket("42[\"items\""));
      Received same = v4.awaitEvent("insert", e -> "items".equals(e.name()));
      assertEquals(same.body(), event.get(1), "v2 and v4 clients get the same body");
      assertEquals(same.meta(), event.get(2), "and the same meta");
      assertEquals("für beide", event.get(1).path("text").asText());

      v2.send("42[\"JoinRoom\",\"not an array\"]");
      JsonNode error = Eio3PollingClient.arguments(v2.awaitPacket("42[\"error\""));
      assertEquals("JoinRoom", error.get(1).path("event").asText());
    }
  }
}
