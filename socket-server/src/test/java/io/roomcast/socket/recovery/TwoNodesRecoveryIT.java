package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A session started on one node is recovered on another that shares the secret and database. */
class TwoNodesRecoveryIT {
  @Test
  void aClientMovedToAnotherNodeGetsItsPidAndRoomsBack() throws Exception {
    Map<String, String> shared = Map.of("RECOVERY_SECRET", ConnectionRecoveryIT.SECRET);
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer a = SocketServers.start(mongo.connectionString(), shared);
        SocketServer b = SocketServers.start(mongo.connectionString(), shared)) {
      UUID room = UUID.randomUUID();
      String pid;
      String offset;
      try (RecoveringSocket onA = RecoveringSocket.connect(a.port(), RecoveringSocket.auth())) {
        pid = onA.pid();
        onA.join(room);
        SessionRecords.awaitHolding(writer, room);
        SessionRecords.insert(writer, room, 1);
        offset = onA.nextEvent().get(2).asText();
      }
      try (RecoveringSocket onB = RecoveringSocket.resume(b.port(), pid, offset)) {
        assertEquals(pid, onB.pid(), "recovered on the other node");
        SessionRecords.insert(writer, room, 2);
        assertEquals(2, onB.nextEvent().get(0).path("n").asInt());
      }
    }
  }
}
