package io.roomcast.e2e.recovery;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.roomcast.common.uuid.Uuids;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/**
 * Inserts a document of one room every {@code period} until stopped, and records the id of every
 * change it caused from the database's own change stream: what a client must have received.
 */
final class SteadyWrites implements AutoCloseable {
  private final MongoClient client;
  private final UUID room;
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
  private final Thread recorder = new Thread(this::record, "change-recorder");
  private final AtomicInteger written = new AtomicInteger();
  private final List<String> ids = new CopyOnWriteArrayList<>();
  private final MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream;

  SteadyWrites(String mongoUri, UUID room, Duration period) {
    this.client = MongoClients.create(mongoUri);
    this.room = room;
    this.stream = client.getDatabase("app").watch().cursor();
    recorder.setDaemon(true);
    recorder.start();
    writer.scheduleAtFixedRate(this::write, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void write() {
    int n = written.incrementAndGet();
    client
        .getDatabase("app")
        .getCollection("orders")
        .insertOne(new Document("uuid", Uuids.toBinary(room)).append("n", n));
  }

  private void record() {
    try {
      while (true) {
        ids.add(stream.next().getResumeToken().getString("_data").getValue());
      }
    } catch (RuntimeException e) {
      // closed
    }
  }

  /** Stops writing and waits until every write's change was recorded; returns their ids. */
  List<String> stop() {
    writer.shutdown();
    await("writes stopped").atMost(Duration.ofSeconds(10)).until(writer::isTerminated);
    await("every change recorded")
        .atMost(Duration.ofSeconds(20))
        .until(() -> ids.size() == written.get());
    return List.copyOf(ids);
  }

  int written() {
    return written.get();
  }

  @Override
  public void close() {
    writer.shutdownNow();
    stream.close();
    client.close();
  }
}
