package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who gets the recovery offset: v3 clients never (exactly {@code (body, meta)}), and with {@code
 * RECOVERY=false} nobody, and no pid either.
 */
class OffsetArgumentIT {
  @Test
  void v3ClientsGetExactlyBodyAndMetaAndRecoveryOffTurnsPidAndOffsetOff() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer on = SocketServers.start(mongo.connectionString());
        SocketServer off =
            SocketServers.start(mongo.connectionString(), Map.of("RECOVERY", "false"))) {
      UUID room = UUID.randomUUID();
      Eio3PollingClient v3 = Eio3PollingClient.connect(SocketServers.url(on));
      v3.send("420[\"JoinRoom\",[\"" + room + "\"]]");
      v3.awaitPacket("430");
      try (RecoveringSocket v4 = RecoveringSocket.connect(off.port(), RecoveringSocket.auth())) {
        assertNull(v4.pid(), "RECOVERY=false: no pid in the CONNECT reply");
        v4.join(room);
        SessionRecords.insert(writer, room, 1);
        assertEquals(2, v4.nextEvent().size(), "RECOVERY=false: (body, meta) only");
      }
      JsonNode v3Event = Eio3PollingClient.arguments(v3.awaitPacket("42[\"orders\""));
      assertEquals(3, v3Event.size(), "name, body, meta: " + v3Event);
    }
  }
}
