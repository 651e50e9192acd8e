package io.roomcast.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.roomcast.embedded.testing.Reactive;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Start on a free port, stop with all threads, restart on the same port. */
class EmbeddedMongoIT {

  @Test
  void startsOnAFreePortAndAnswersTheDriver() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      assertTrue(mongo.port() > 0);
      assertEquals("mongodb://127.0.0.1:" + mongo.port(), mongo.connectionString());
      Reactive.one(client.getDatabase("app").getCollection("c").insertOne(new Document("a", 1)));
      assertEquals(1L, Reactive.one(client.getDatabase("app").getCollection("c").countDocuments()));
    }
  }

  @Test
  void closeIsIdempotentStopsAllThreadsAndFreesThePortForARestart() {
    EmbeddedMongo first = EmbeddedMongo.start();
    int port = first.port();
    try (MongoClient client = MongoClients.create(first.connectionString())) {
      Reactive.one(client.getDatabase("app").runCommand(new Document("ping", 1)));
      first.close();
      first.close();
      Awaitility.await().until(() -> serverThreads() == 0);
      try (EmbeddedMongo second =
          EmbeddedMongo.start(EmbeddedMongoOptions.defaults().withPort(port))) {
        assertEquals(port, second.port());
        // The same client reconnects to the new server; the data of the first is gone.
        Awaitility.await()
            .ignoreExceptions()
            .until(
                () ->
                    Reactive.one(client.getDatabase("app").getCollection("c").countDocuments())
                        == 0L);
      }
    }
  }

  @Test
  void aTakenPortFailsWithAClearMessage() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      EmbeddedMongoOptions same = EmbeddedMongoOptions.defaults().withPort(mongo.port());
      IllegalStateException error =
          assertThrows(IllegalStateException.class, () -> EmbeddedMongo.start(same));
      assertTrue(error.getMessage().contains("cannot listen on 127.0.0.1:" + mongo.port()));
    }
    Awaitility.await().until(() -> serverThreads() == 0);
  }

  private static long serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("embedded-mongo-"))
        .count();
  }
}
