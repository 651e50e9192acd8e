package io.roomcast.embedded.smoke;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Reactive;
import io.roomcast.embedded.testing.StreamRecorder;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SmokeIT {
  @Test
  void databaseWatchDeliversEvents() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoDatabase db = client.getDatabase("app");
      Reactive.one(db.createCollection("test"));
      var recorder =
          StreamRecorder.record(
              db.watch()
                  .fullDocument(FullDocument.UPDATE_LOOKUP)
                  .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                Reactive.one(db.getCollection("test").insertOne(new Document("uuid", "u1")));
                return !recorder.items().isEmpty();
              });
      Reactive.one(
          db.getCollection("test").updateOne(new Document("uuid", "u1"), Updates.set("v", 2)));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  recorder.items().size() >= 2
                      && recorder.items().stream()
                          .anyMatch(e -> e.getOperationType().getValue().equals("update")));
      recorder.items().forEach(e -> System.out.println(e));
      System.out.println("error: " + recorder.error());
      assertEquals(
          "update",
          recorder.items().get(recorder.items().size() - 1).getOperationType().getValue());
    }
  }
}
