package io.roomcast.embedded.benchmark;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.embedded.history.HistoryStats;
import io.roomcast.embedded.testing.FillerDocuments;
import io.roomcast.embedded.testing.Reactive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Prints figures for the embedded database's change streams through {@code database.watch()}:
 * insert-to-event latency (p50/p99), events per second with concurrent writers, and the latency and
 * history work of one getMore with 1,000 versus 100,000 retained events. Run with {@code mvn -pl
 * embedded-mongo exec:java}-style tooling or from the IDE; no assertions.
 */
public final class ChangeStreamBenchmark {
  private static final int LATENCY_SAMPLES = 2_000;
  private static final int WRITERS = 4;
  private static final int INSERTS_PER_WRITER = 10_000;
  private static final int BATCH = 100;

  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger received = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    EmbeddedMongoOptions options = EmbeddedMongoOptions.defaults().withHistoryEvents(200_000);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(options);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      new ChangeStreamBenchmark().run(mongo, client);
    }
  }

  private void run(EmbeddedMongo mongo, MongoClient client) throws Exception {
    MongoDatabase db = client.getDatabase("bench");
    MongoCollection<Document> items = db.getCollection("items");
    Reactive.one(items.insertOne(new Document("_id", "warmup")));
    CountDownLatch opened = new CountDownLatch(1);
    db.watch().subscribe(subscriber(opened));
    while (!opened.await(100, TimeUnit.MILLISECONDS)) {
      Reactive.one(items.insertOne(new Document("_id", "open-" + System.nanoTime())));
    }
    FillerDocuments.insert(items, 1_000 - (int) mongo.historyStats().retainedEvents());
    report("1k retained", mongo, items);
    throughput(client, mongo);
    FillerDocuments.insert(items, 100_000 - (int) mongo.historyStats().retainedEvents());
    report("100k retained", mongo, items);
  }

  private void report(String label, EmbeddedMongo mongo, MongoCollection<Document> items) {
    latencies.clear();
    HistoryStats before = mongo.historyStats();
    for (int i = 0; i < LATENCY_SAMPLES; i++) {
      String id = label + "-" + i;
      int expected = received.get() + 1;
      sentAt.put(id, System.nanoTime());
      Reactive.one(items.insertOne(new Document("_id", id)));
      while (received.get() < expected) {
        Thread.onSpinWait();
      }
    }
    HistoryStats after = mongo.historyStats();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%-14s retained=%,d  insert->event p50=%.3f ms p99=%.3f ms  history events examined per"
            + " event=%.2f%n",
        label,
        before.retainedEvents(),
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        (after.examinedEvents() - before.examinedEvents()) / (double) LATENCY_SAMPLES);
  }

  private void throughput(MongoClient client, EmbeddedMongo mongo) throws Exception {
    int start = received.get();
    long began = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Thread thread =
          new Thread(
              () -> {
                try (MongoClient own = MongoClients.create(mongo.connectionString())) {
                  MongoCollection<Document> items =
                      own.getDatabase("bench").getCollection("writer" + writer);
                  for (int i = 0; i < INSERTS_PER_WRITER; i += BATCH) {
                    List<Document> batch = new ArrayList<>();
                    for (int j = 0; j < BATCH; j++) {
                      batch.add(new Document("_id", i + j).append("v", j));
                    }
                    Reactive.one(items.insertMany(batch));
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = WRITERS * INSERTS_PER_WRITER;
    while (received.get() - start < total) {
      Thread.onSpinWait();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "throughput     %d writers x %,d inserts (batches of %d): %,.0f events/s through"
            + " database.watch()%n",
        WRITERS, INSERTS_PER_WRITER, BATCH, total / seconds);
  }

  private Subscriber<ChangeStreamDocument<Document>> subscriber(CountDownLatch opened) {
    return new Subscriber<>() {
      @Override
      public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChangeStreamDocument<Document> event) {
        opened.countDown();
        Object id = event.getDocumentKey().get("_id");
        if (id != null && id.toString().contains("retained")) {
          Long sent = sentAt.remove(event.getDocumentKey().getString("_id").getValue());
          if (sent != null) {
            latencies.add(System.nanoTime() - sent);
          }
        }
        received.incrementAndGet();
      }

      @Override
      public void onError(Throwable error) {
        System.err.println("stream failed: " + error);
      }

      @Override
      public void onComplete() {}
    };
  }
}
