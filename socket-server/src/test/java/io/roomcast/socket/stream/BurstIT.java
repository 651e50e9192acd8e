package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    try (WatchedDatabase db = WatchedDatabase.start()) {
      List<Document> burst = new ArrayList<>();
      IntStream.range(0, BURST).forEach(n -> burst.add(new Document("n", n)));
      db.database("app").getCollection("burst").insertMany(burst);

      await("all " + BURST + " events")
          .atMost(Duration.ofSeconds(60))
          .until(() -> db.events().size() >= BURST);
      List<Integer> seen =
          db.events().stream()
              .map(event -> event.getDocument("fullDocument").getInt32("n").getValue())
              .toList();
      assertEquals(IntStream.range(0, BURST).boxed().toList(), seen);
      long demand = db.stats().largestDemand();
      assertTrue(
          demand > 0 && demand <= ChangeStreamWatcher.BATCH_SIZE,
          "demand stays bounded by one batch, was " + demand);
    }
  }
}
