package io.roomcast.socket.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.SocketServers;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The core scenario, written once, against the embedded database and against a real MongoDB 8
 * replica set (skipped, with the reason, where there is no Docker engine).
 */
class SameScenarioOnEveryTargetIT {
  @Test
  void embedded() {
    run(MongoTargets::embedded);
  }

  @Test
  void realReplicaSet() {
    run(MongoTargets::realReplicaSet);
  }

  private static void run(Supplier<MongoTarget> targets) {
    try (MongoTarget target = targets.get();
        MongoWriter writer = new MongoWriter(target.connectionString());
        SocketServer server = SocketServers.start(target.connectionString())) {
      var items = writer.collectionWithPreImages("app", "scenario");
      UUID a = UUID.randomUUID();
      UUID b = UUID.randomUUID();
      try (JavaClient inA =
              JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected();
          JavaClient inB =
              JavaClient.connect(SocketServers.url(server), "polling").awaitConnected()) {
        assertTrue(inA.join(a.toString()).path("ok").asBoolean(), target.name());
        assertTrue(inB.join(b.toString()).path("ok").asBoolean(), target.name());

        items.insertOne(MongoWriter.document(a, "{step: 1}"));
        items.updateOne(MongoWriter.byUuid(a), Updates.set("step", 2));
        items.replaceOne(MongoWriter.byUuid(a), MongoWriter.document(a, "{step: 3}"));
        items.insertOne(MongoWriter.document(b, "{room: 'B'}"));
        items.deleteOne(MongoWriter.byUuid(a));

        Received delete = awaitOperation(inA, a, "delete");
        assertEquals("{\"uuid\":\"" + a + "\"}", delete.body().toString(), target.name());
        assertEquals(
            "insert,update,replace,delete",
            String.join(",", inA.events().stream().map(Received::operationType).toList()),
            target.name() + ": every change of room A, in commit order, and nothing else");
        assertEquals(3, inA.events().get(2).body().path("step").asInt());
        awaitOperation(inB, b, "insert");
        assertTrue(
            inB.events().stream().allMatch(e -> b.toString().equals(e.uuid())), target.name());
      }
    }
  }

  private static Received awaitOperation(JavaClient client, UUID uuid, String op) {
    return client.awaitEvent(
        op + " for " + uuid,
        e ->
            "scenario".equals(e.name())
                && uuid.toString().equals(e.uuid())
                && op.equals(e.operationType()));
  }
}
