package io.roomcast.embedded.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoCommandException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Reactive;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad change-stream and pre-image commands get MongoDB's error and change nothing. */
class RejectedCommandsIT {
  private static EmbeddedMongo mongo;
  private static MongoClient client;
  private static MongoDatabase db;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    client = MongoClients.create(mongo.connectionString());
    db = client.getDatabase("app");
    Reactive.one(db.getCollection("items").insertOne(new Document("_id", 1)));
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.close();
  }

  @Test
  void unknownChangeStreamOption() {
    assertCode(40415, changeStream(new Document("bogus", 1)));
  }

  @Test
  void invalidFullDocumentMode() {
    assertCode(2, changeStream(new Document("fullDocument", "sometimes")));
  }

  @Test
  void twoResumeOptions() {
    Document token = new Document("_data", "00");
    assertCode(40674, changeStream(new Document("resumeAfter", token).append("startAfter", token)));
  }

  @Test
  void malformedResumeToken() {
    assertCode(260, changeStream(new Document("resumeAfter", new Document("_data", "xyz"))));
  }

  @Test
  void stageNotAllowedInAChangeStream() {
    Document command = changeStream(new Document());
    command.put(
        "pipeline",
        List.of(
            new Document("$changeStream", new Document()),
            new Document("$group", new Document("_id", null))));
    assertCode(20, command);
  }

  @Test
  void deploymentStreamOutsideAdmin() {
    Document command = changeStream(new Document("allChangesForCluster", true));
    command.put("aggregate", 1);
    assertCode(73, command);
  }

  @Test
  void collModWithAnUnsupportedOption() {
    assertCode(40415, new Document("collMod", "items").append("validator", new Document("a", 1)));
  }

  @Test
  void preImageOptionThatIsNotABoolean() {
    assertCode(
        2,
        new Document("create", "other")
            .append("changeStreamPreAndPostImages", new Document("enabled", "yes")));
    List<String> names = Reactive.all(db.listCollectionNames());
    assertEquals(false, names.contains("other"), "nothing was created");
  }

  private static Document changeStream(Document options) {
    return new Document("aggregate", "items")
        .append("pipeline", List.of(new Document("$changeStream", options)))
        .append("cursor", new Document());
  }

  private static void assertCode(int code, Document command) {
    MongoCommandException error =
        assertThrows(MongoCommandException.class, () -> Reactive.one(db.runCommand(command)));
    assertEquals(code, error.getErrorCode(), error.getErrorMessage());
  }
}
