package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Dropping a watched database ends its stream; a new one starts after it, missing nothing. */
class InvalidateIT {
  @Test
  void aDroppedDatabaseIsWatchedAgainFromRightAfterTheDrop() throws Exception {
    try (WatchedDatabase db = WatchedDatabase.start()) {
      db.database("app").getCollection("c").insertOne(new Document("n", 1));
      db.database("app").drop();
      db.database("app").getCollection("c").insertOne(new Document("n", 2));

      await("the insert after the drop")
          .atMost(Duration.ofSeconds(20))
          .until(() -> db.events().stream().anyMatch(e -> isInsertOf(e, 2)));
      List<String> operations =
          db.events().stream().map(e -> e.getString("operationType").getValue()).toList();
      assertEquals("insert", operations.get(0), operations.toString());
      assertEquals(1, operations.stream().filter("invalidate"::equals).count(), "" + operations);
      assertEquals("insert", operations.get(operations.size() - 1), operations.toString());
      assertEquals(1, db.stats().reopenings(), "one new stream after the invalidate");
    }
  }

  private static boolean isInsertOf(BsonDocument event, int n) {
    BsonDocument full = event.getDocument("fullDocument", null);
    return full != null && full.getInt32("n").getValue() == n;
  }
}
