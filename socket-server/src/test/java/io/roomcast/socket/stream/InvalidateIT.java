package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Dropping a watched database ends its stream; a new one starts after it, missing nothing. */
class InvalidateIT {
  @Test
  void aDroppedDatabaseIsWatchedAgainFromRightAfterTheDrop() throws Exception {
    List<BsonDocument> events = new CopyOnWriteArrayList<>();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        ChangeStreams streams =
            ChangeStreams.open(
                new ConnectionString(mongo.connectionString()),
                List.of("app"),
                events::add,
                (database, message) -> {});
        MongoClient writer = MongoClients.create(mongo.connectionString())) {
      writer.getDatabase("app").getCollection("c").insertOne(new Document("n", 1));
      writer.getDatabase("app").drop();
      writer.getDatabase("app").getCollection("c").insertOne(new Document("n", 2));

      await("the insert after the drop")
          .atMost(Duration.ofSeconds(20))
          .until(() -> events.stream().anyMatch(e -> isInsertOf(e, 2)));
      List<String> operations =
          events.stream().map(e -> e.getString("operationType").getValue()).toList();
      assertEquals("insert", operations.get(0), operations.toString());
      assertEquals(1, operations.stream().filter("invalidate"::equals).count(), "" + operations);
      assertEquals("insert", operations.get(operations.size() - 1), operations.toString());
      assertEquals(1, streams.watcher("app").reopenings(), "one new stream after the invalidate");
    }
  }

  private static boolean isInsertOf(BsonDocument event, int n) {
    BsonDocument full = event.getDocument("fullDocument", null);
    return full != null && full.getInt32("n").getValue() == n;
  }
}
