package io.roomcast.embedded.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.Reactive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** With many writer connections, each committed write yields one event, in order. */
abstract class ConcurrencyContract extends ContractSupport {
  static final int WRITERS = 8;
  static final int INSERTS_PER_WRITER = 5_000;

  @Test
  void everyConcurrentInsertArrivesOnceInClusterTimeOrder() throws Exception {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> items = db.getCollection("items");
    try (PrimedRecorder<Document> stream = ready(db.watch().batchSize(1000), items)) {
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          done.add(writers.submit(() -> write(db.getName(), writer)));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        writers.shutdownNow();
      }
      int total = WRITERS * INSERTS_PER_WRITER;
      Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> stream.events().size() >= total || stream.error() != null);
      List<ChangeStreamDocument<Document>> events = stream.events();
      assertEquals(total, events.size(), "one event per insert");
      Set<String> ids = new HashSet<>();
      BsonTimestamp previous = null;
      int[] nextPerWriter = new int[WRITERS];
      for (ChangeStreamDocument<Document> event : events) {
        String id = event.getDocumentKey().getString("_id").getValue();
        assertTrue(ids.add(id), "duplicate event for " + id);
        assertTrue(
            previous == null || event.getClusterTime().compareTo(previous) > 0,
            "clusterTime goes up");
        previous = event.getClusterTime();
        String[] parts = id.split("-");
        int writer = Integer.parseInt(parts[0].substring(1));
        assertEquals(nextPerWriter[writer]++, Integer.parseInt(parts[1]), "writer order " + id);
      }
    }
  }

  /** One writer: its own client (own connection), inserting one document at a time. */
  private Void write(String database, int writer) {
    try (MongoClient own = MongoClients.create(target().connectionString())) {
      MongoCollection<Document> items = own.getDatabase(database).getCollection("items");
      for (int i = 0; i < INSERTS_PER_WRITER; i++) {
        Reactive.one(items.insertOne(new Document("_id", "w" + writer + "-" + i)));
      }
    }
    return null;
  }
}
