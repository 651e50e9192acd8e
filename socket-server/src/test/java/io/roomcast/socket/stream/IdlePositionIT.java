package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.roomcast.embedded.EmbeddedMongo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The stream position advances while the watched database is quiet, from the post-batch tokens of
 * empty batches that the Reactive Streams API does not expose but the command replies carry.
 */
class IdlePositionIT {
  @Test
  void aQuietDatabasesPositionMovesOnWithTheServer() throws Exception {
    List<BsonDocument> events = new CopyOnWriteArrayList<>();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        ChangeStreams streams =
            ChangeStreams.open(
                new ConnectionString(mongo.connectionString()),
                List.of("app"),
                events::add,
                (database, message) -> {});
        MongoClient writer = MongoClients.create(mongo.connectionString())) {
      ChangeStreamWatcher app = streams.watcher("app");
      await("a position while nothing happened").until(() -> app.position() != null);
      BsonDocument quiet = app.position();

      // Writes elsewhere move the server's clock, not this stream's events.
      writer.getDatabase("elsewhere").getCollection("c").insertOne(new Document("n", 1));
      await("the position follows the server")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !quiet.equals(app.position()));
      assertTrue(events.isEmpty(), "no event of the watched database: " + events);

      // An event then still arrives, and its own token becomes the position.
      writer.getDatabase("app").getCollection("c").insertOne(new Document("n", 2));
      await("the event").until(() -> events.size() == 1);
      await("its token as position")
          .until(() -> events.get(0).getDocument("_id").equals(app.position()));
      assertNotEquals(quiet, app.position());
      assertEquals("insert", events.get(0).getString("operationType").getValue());
    }
  }
}
