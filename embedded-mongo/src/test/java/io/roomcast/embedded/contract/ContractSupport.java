package io.roomcast.embedded.contract;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.ChangeStreamPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.Reactive;
import io.roomcast.embedded.testing.StreamRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every contract class shares: a reactive client for the target, a fresh database per test,
 * and streams that are known to be open before the test writes. A change stream opens
 * asynchronously, so {@link #ready} writes "prime" documents (string {@code _id} starting with
 * {@code prime-}) until one is seen; the recorder then hides prime events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractSupport {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final AtomicInteger PRIMES = new AtomicInteger();

  MongoClient client;

  /** The database under test, provided by the target-specific subclass. */
  protected abstract MongoTarget target();

  @BeforeAll
  void connect() {
    client = MongoClients.create(target().connectionString());
  }

  @AfterAll
  void disconnect() {
    client.close();
  }

  /** A database name no other test uses. */
  MongoDatabase freshDatabase() {
    return client.getDatabase("contract" + NAMES.incrementAndGet());
  }

  static <T> T sync(org.reactivestreams.Publisher<T> publisher) {
    return Reactive.one(publisher);
  }

  static void insert(MongoCollection<Document> collection, Document... documents) {
    Reactive.one(collection.insertMany(List.of(documents)));
  }

  /**
   * Subscribes and writes prime documents into {@code primeTarget} until the stream reports one.
   * The returned recorder lists only what arrived after that, without prime events.
   */
  static PrimedRecorder<Document> ready(
      ChangeStreamPublisher<Document> publisher, MongoCollection<Document> primeTarget) {
    return readyFor(publisher, () -> primeTarget);
  }

  static PrimedRecorder<Document> readyFor(
      ChangeStreamPublisher<Document> publisher, Supplier<MongoCollection<Document>> primeTarget) {
    StreamRecorder<ChangeStreamDocument<Document>> recorder = StreamRecorder.record(publisher);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              String id = "prime-" + PRIMES.incrementAndGet();
              Reactive.one(primeTarget.get().insertOne(new Document("_id", id)));
              return recorder.items().stream().anyMatch(ContractSupport::isPrime);
            });
    return new PrimedRecorder<>(recorder);
  }

  static boolean isPrime(ChangeStreamDocument<?> event) {
    BsonValue key = event.getDocumentKey() == null ? null : event.getDocumentKey().get("_id");
    return key != null && key.isString() && key.asString().getValue().startsWith("prime-");
  }
}
