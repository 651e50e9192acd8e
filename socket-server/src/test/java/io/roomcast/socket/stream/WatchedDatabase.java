package io.roomcast.socket.stream;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.roomcast.embedded.EmbeddedMongo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;

/**
 * A fresh embedded database with the change stream of its {@code app} database open, the events it
 * delivers recorded, and a plain client to write with: the fixture of the stream tests.
 */
final class WatchedDatabase implements AutoCloseable {
  private final EmbeddedMongo mongo;
  private final ChangeStreams streams;
  private final MongoClient writer;
  private final List<BsonDocument> events;

  private WatchedDatabase(
      EmbeddedMongo mongo, ChangeStreams streams, MongoClient writer, List<BsonDocument> events) {
    this.mongo = mongo;
    this.streams = streams;
    this.writer = writer;
    this.events = events;
  }

  static WatchedDatabase start() {
    EmbeddedMongo mongo = EmbeddedMongo.start();
    List<BsonDocument> events = new CopyOnWriteArrayList<>();
    ChangeStreams streams =
        ChangeStreams.open(
            new ConnectionString(mongo.connectionString()),
            List.of("app"),
            (database, event, handled) -> {
              events.add(event);
              handled.run();
            },
            (database, message) -> {});
    return new WatchedDatabase(
        mongo, streams, MongoClients.create(mongo.connectionString()), events);
  }

  /** What the {@code app} database's stream has done so far. */
  StreamStats stats() {
    return streams.stats().get(0);
  }

  /** A database to write to through an ordinary client. */
  MongoDatabase database(String name) {
    return writer.getDatabase(name);
  }

  /** The events delivered so far, in order. */
  List<BsonDocument> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    writer.close();
    streams.close();
    mongo.close();
  }
}
