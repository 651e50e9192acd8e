package io.roomcast.socket.recovery;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.roomcast.socket.testing.MongoWriter;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;

/** The session records recovery keeps, as a test reads them (database {@code roomcast}). */
final class SessionRecords {
  private SessionRecords() {}

  static MongoCollection<Document> of(MongoWriter writer) {
    return writer.collection("roomcast", SessionRooms.COLLECTION).withDocumentClass(Document.class);
  }

  /** Records are written asynchronously: waits until one holds the room. */
  static void awaitHolding(MongoWriter writer, UUID room) {
    await("session record holding " + room)
        .atMost(Duration.ofSeconds(10))
        .until(() -> of(writer).countDocuments(Filters.eq("rooms", room.toString())) == 1);
  }

  /** Writes a document of the room to {@code app.orders} with {@code n}. */
  static void insert(MongoWriter writer, UUID room, int n) {
    writer.collection("app", "orders").insertOne(MongoWriter.document(room, "{n: " + n + "}"));
  }
}
