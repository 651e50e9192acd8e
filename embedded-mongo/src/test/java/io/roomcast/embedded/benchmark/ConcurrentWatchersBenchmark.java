package io.roomcast.embedded.benchmark;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.embedded.testing.Reactive;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Insert-to-event latency of N concurrent {@code database.watch()} streams, each on its own client
 * (as N socket servers would watch), with one writer at a fixed rate, all in one process: whether
 * the embedded database wakes many waiting getMores promptly, apart from what N server processes
 * cost a small machine. Arguments: watchers (16), inserts per second (20), seconds (10). Prints p50
 * / p99 / max per stream; no assertions.
 */
public final class ConcurrentWatchersBenchmark {
  public static void main(String[] args) throws Exception {
    int watchers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    try (EmbeddedMongo mongo = EmbeddedMongo.start(EmbeddedMongoOptions.defaults())) {
      List<MongoClient> clients = new ArrayList<>();
      List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
      for (int w = 0; w < watchers; w++) {
        MongoClient client = MongoClients.create(mongo.connectionString());
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        client.getDatabase("app").watch().subscribe(new LatencyRecorder(nanos));
        clients.add(client);
        latencies.add(nanos);
      }
      try (MongoClient writer = MongoClients.create(mongo.connectionString())) {
        MongoCollection<Document> items = writer.getDatabase("app").getCollection("items");
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // every stream opened
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
          Reactive.one(items.insertOne(new Document("sentNanos", System.nanoTime())));
          next += interval;
          LockSupport.parkNanos(next - System.nanoTime());
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // the last events arrive
      }
      System.out.printf("%d watchers, %d inserts/s for %d s%n", watchers, rate, seconds);
      for (int w = 0; w < watchers; w++) {
        long[] sorted = latencies.get(w).stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
            "  stream %2d: %d events, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            w, sorted.length, at(sorted, 0.5), at(sorted, 0.99), at(sorted, 1.0));
      }
      clients.forEach(MongoClient::close);
    }
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
  }

  /** Records receipt time minus the document's {@code sentNanos}, asking for events one by one. */
  private static final class LatencyRecorder implements Subscriber<ChangeStreamDocument<Document>> {
    private final ConcurrentLinkedQueue<Long> nanos;
    private Subscription subscription;

    LatencyRecorder(ConcurrentLinkedQueue<Long> nanos) {
      this.nanos = nanos;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      this.subscription = subscription;
      subscription.request(256);
    }

    @Override
    public void onNext(ChangeStreamDocument<Document> change) {
      Document document = change.getFullDocument();
      if (document != null && document.get("sentNanos") instanceof Long sent) {
        nanos.add(System.nanoTime() - sent);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      // the clients close at the end while their streams are open
    }

    @Override
    public void onComplete() {}
  }
}
