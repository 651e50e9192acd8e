package io.roomcast.socket.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.roomcast.common.uuid.Uuids;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Inserts numbered documents ({@code n} = 0, 1, 2, …) of one room at a steady rate on a thread of
 * its own, as an application under load would, until stopped.
 */
public final class SteadyWriter implements AutoCloseable {
  private final MongoClient client;
  private final MongoCollection<BsonDocument> items;
  private final UUID room;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger written = new AtomicInteger();

  private SteadyWriter(String uri, UUID room) {
    this.client = MongoClients.create(uri);
    this.items = client.getDatabase("app").getCollection("items", BsonDocument.class);
    this.room = room;
  }

  /** Starts writing one document every {@code periodMillis}. */
  public static SteadyWriter start(String uri, UUID room, long periodMillis) {
    SteadyWriter writer = new SteadyWriter(uri, room);
    writer.thread.scheduleAtFixedRate(writer::writeOne, 0, periodMillis, TimeUnit.MILLISECONDS);
    return writer;
  }

  private void writeOne() {
    try {
      int n = written.get();
      items.insertOne(new BsonDocument("uuid", Uuids.toBinary(room)).append("n", new BsonInt32(n)));
      written.incrementAndGet();
    } catch (RuntimeException e) {
      // the database is away for a moment: the same n is written at the next tick
    }
  }

  /** Documents written so far: numbers 0 to written() - 1. */
  public int written() {
    return written.get();
  }

  /** Stops writing; returns how many were written. */
  public int stop() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(10, TimeUnit.SECONDS);
    return written.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    client.close();
  }
}
