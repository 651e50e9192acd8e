package io.roomcast.embedded.ttl;

import static io.roomcast.embedded.ttl.TtlTesting.FUTURE;
import static io.roomcast.embedded.ttl.TtlTesting.PAST;
import static io.roomcast.embedded.ttl.TtlTesting.WAIT;
import static io.roomcast.embedded.ttl.TtlTesting.createIndexes;
import static io.roomcast.embedded.ttl.TtlTesting.dated;
import static io.roomcast.embedded.ttl.TtlTesting.deletedIds;
import static io.roomcast.embedded.ttl.TtlTesting.expireProbe;
import static io.roomcast.embedded.ttl.TtlTesting.ids;
import static io.roomcast.embedded.ttl.TtlTesting.openStream;
import static io.roomcast.embedded.ttl.TtlTesting.ttlSpec;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.Reactive;
import io.roomcast.embedded.testing.StreamRecorder;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TTL indexes over the driver: created as MongoDB creates them (no "not yet implemented" WARN),
 * listed with their {@code expireAfterSeconds}, and their expired documents deleted by the monitor
 * as delete events, while documents dated in the future or holding no date stay.
 */
class TtlIndexIT {
  @RegisterExtension static final TtlDatabase DATABASE = new TtlDatabase();

  static MongoDatabase db() {
    return DATABASE.client().getDatabase("app");
  }

  @Test
  void createIndexesAnswersLikeMongoDbWithoutTheLibraryWarning() {
    try (CapturedLog log = CapturedLog.all()) {
      Document reply = run(createIndexes("created", ttlSpec("expiresAt_1", "expiresAt", 0)));
      assertEquals(1, reply.getInteger("numIndexesBefore"), reply.toJson());
      assertEquals(2, reply.getInteger("numIndexesAfter"), reply.toJson());
      assertEquals(true, reply.getBoolean("createdCollectionAutomatically"), reply.toJson());
      Document again = run(createIndexes("created", ttlSpec("expiresAt_1", "expiresAt", 0)));
      assertEquals(2, again.getInteger("numIndexesAfter"), again.toJson());
      assertEquals("all indexes already exist", again.getString("note"));
      String name =
          Reactive.one(
              db().getCollection("created")
                  .createIndex(
                      Indexes.ascending("expiresAt"),
                      new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)));
      assertEquals("expiresAt_1", name);
      assertEquals(
          List.of(),
          log.lines(Level.WARN).stream().filter(line -> line.contains("index")).toList());
      assertTrue(
          log.lines(Level.INFO)
              .contains(
                  "created TTL index expiresAt_1 on app.created: documents expire 0 s after their expiresAt"),
          log.lines().toString());
    }
    Document ttl = TtlTesting.indexes(db(), "created").get(1);
    assertEquals("expiresAt_1", ttl.getString("name"));
    assertEquals(new Document("expiresAt", 1), ttl.get("key"));
    assertEquals(0L, ((Number) ttl.get("expireAfterSeconds")).longValue());
    assertEquals(List.of("_id_", "expiresAt_1"), names("created"));
  }

  @Test
  void oneCommandCreatesTtlAndOtherIndexes() {
    Document reply =
        run(
            createIndexes(
                "mixed",
                new Document("key", new Document("plain", 1)).append("name", "plain_1"),
                ttlSpec("expiresAt_1", "expiresAt", 30)));
    assertEquals(1, reply.getInteger("numIndexesBefore"), reply.toJson());
    assertEquals(3, reply.getInteger("numIndexesAfter"), reply.toJson());
    assertEquals(List.of("_id_", "plain_1", "expiresAt_1"), names("mixed"));
  }

  @Test
  void expiredDocumentsAreDeletedAsDeleteEventsAndTheOthersStay() {
    MongoCollection<Document> sessions = db().getCollection("expiry");
    run(createIndexes("expiry", ttlSpec("expiresAt_1", "expiresAt", 0)));
    try (StreamRecorder<ChangeStreamDocument<Document>> stream = openStream(sessions)) {
      Reactive.one(
          sessions.insertMany(
              List.of(
                  dated("expired", PAST),
                  dated("earliest-of-array-expired", List.of(FUTURE, PAST)),
                  dated("future", FUTURE),
                  dated("all-future-array", List.of(FUTURE)),
                  dated("string", "2000-01-01T00:00:00Z"),
                  dated("number", 0),
                  dated("null", null),
                  dated("array-without-dates", List.of("x", 1)),
                  new Document("_id", "missing"))));
      Set<String> kept =
          Set.of(
              "future",
              "all-future-array",
              "string",
              "number",
              "null",
              "array-without-dates",
              "missing");
      await().atMost(WAIT).until(() -> ids(sessions).equals(kept));
      expireProbe(sessions, "probe"); // a later pass, which kept them too
      assertEquals(kept, ids(sessions));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  deletedIds(stream)
                      .equals(Set.of("expired", "earliest-of-array-expired", "probe")));
    }
  }

  @Test
  void expireAfterSecondsCountsFromTheDate() {
    MongoCollection<Document> logs = db().getCollection("hourly");
    run(createIndexes("hourly", ttlSpec("at_1", "at", 3_600)));
    Date twoHoursAgo = Date.from(Instant.now().minusSeconds(7_200));
    Date tenMinutesAgo = Date.from(Instant.now().minusSeconds(600));
    Reactive.one(logs.insertMany(List.of(at("old", twoHoursAgo), at("recent", tenMinutesAgo))));
    await().atMost(WAIT).until(() -> ids(logs).equals(Set.of("recent")));
    Reactive.one(logs.insertOne(at("probe", twoHoursAgo)));
    await().atMost(WAIT).until(() -> ids(logs).equals(Set.of("recent")));
  }

  static Document at(String id, Date date) {
    return new Document("_id", id).append("at", date);
  }

  static Document run(Document command) {
    return TtlTesting.run(db(), command);
  }

  static List<String> names(String collection) {
    return TtlTesting.names(db(), collection);
  }
}
