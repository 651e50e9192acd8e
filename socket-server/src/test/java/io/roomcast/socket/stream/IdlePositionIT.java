package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
    try (WatchedDatabase db = WatchedDatabase.start()) {
      await("a position while nothing happened").until(() -> db.stats().position() != null);
      BsonDocument quiet = db.stats().position();

      // Writes elsewhere move the server's clock, not this stream's events.
      db.database("elsewhere").getCollection("c").insertOne(new Document("n", 1));
      await("the position follows the server")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !quiet.equals(db.stats().position()));
      assertTrue(db.events().isEmpty(), "no event of the watched database: " + db.events());

      // An event then still arrives, and its own token becomes the position.
      db.database("app").getCollection("c").insertOne(new Document("n", 2));
      await("the event").until(() -> db.events().size() == 1);
      await("its token as position")
          .until(() -> db.events().get(0).getDocument("_id").equals(db.stats().position()));
      assertNotEquals(quiet, db.stats().position());
      assertEquals("insert", db.events().get(0).getString("operationType").getValue());
    }
  }
}
