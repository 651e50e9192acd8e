package io.roomcast.socket.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.TcpRelay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The database becomes unreachable for the server while it keeps its history: once it is back, the
 * stream resumes from its token, and every change made during and after the outage arrives once, in
 * commit order.
 */
class OutageResumeIT {
  private static final int DURING = 20;
  private static final int AFTER = 20;

  @Test
  void everyChangeMadeDuringAndAfterAnOutageArrivesOnceInOrder() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        TcpRelay relay = TcpRelay.start(mongo.port());
        ChangeStreams streams =
            ChangeStreams.open(
                // A short server selection: the driver's own single retry gives up soon, so the
                // outage outlasts it and the stream's own reopening from its token is tested.
                new ConnectionString(
                    "mongodb://127.0.0.1:" + relay.port() + "/?serverSelectionTimeoutMS=300"),
                List.of("app"),
                (database, event, handled) -> {
                  seen.add(event.getDocument("fullDocument").getInt32("n").getValue());
                  handled.run();
                },
                (database, message) -> {});
        MongoClient writer = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> items = writer.getDatabase("app").getCollection("items");
      items.insertOne(new Document("n", 0));
      await("the change before the outage").until(() -> seen.equals(List.of(0)));

      relay.cut();
      await("the stream tried to reopen during the outage")
          .atMost(Duration.ofSeconds(30))
          .until(() -> streams.stats().get(0).reopenings() >= 2 && relay.rejected() > 0);
      IntStream.rangeClosed(1, DURING).forEach(n -> items.insertOne(new Document("n", n)));
      relay.restore();
      IntStream.rangeClosed(DURING + 1, DURING + AFTER)
          .forEach(n -> items.insertOne(new Document("n", n)));

      List<Integer> all = IntStream.rangeClosed(0, DURING + AFTER).boxed().toList();
      await("every change, once, after the outage")
          .atMost(Duration.ofSeconds(60))
          .until(() -> seen.size() >= all.size());
      assertEquals(all, List.copyOf(seen));
    }
  }
}
