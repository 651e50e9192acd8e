package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.roomcast.embedded.EmbeddedMongo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A burst far larger than the demand the stream keeps open arrives whole and in commit order, and
 * the subscriber never asks the driver for more than one batch ahead.
 */
class BurstIT {
  private static final int BURST = 8 * ChangeStreamWatcher.BATCH_SIZE;

  @Test
  void everyEventOfABurstArrivesOnceInOrder() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        ChangeStreams streams =
            ChangeStreams.open(
                new ConnectionString(mongo.connectionString()),
                List.of("app"),
                event -> seen.add(event.getDocument("fullDocument").getInt32("n").getValue()),
                (database, message) -> {});
        MongoClient writer = MongoClients.create(mongo.connectionString())) {
      List<Document> burst = new ArrayList<>();
      IntStream.range(0, BURST).forEach(n -> burst.add(new Document("n", n)));
      writer.getDatabase("app").getCollection("burst").insertMany(burst);

      await("all " + BURST + " events")
          .atMost(Duration.ofSeconds(60))
          .until(() -> seen.size() >= BURST);
      assertEquals(IntStream.range(0, BURST).boxed().toList(), List.copyOf(seen));
      long demand = streams.watcher("app").largestDemand();
      assertTrue(
          demand > 0 && demand <= ChangeStreamWatcher.BATCH_SIZE,
          "demand stays bounded by one batch, was " + demand);
    }
  }
}
