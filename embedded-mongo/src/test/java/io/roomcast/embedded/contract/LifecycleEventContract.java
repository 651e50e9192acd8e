package io.roomcast.embedded.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Points 2 and 4: drop, dropDatabase and invalidate; pre-images. */
abstract class LifecycleEventContract extends ContractSupport {

  @Test
  void droppingTheCollectionSendsDropThenInvalidateAndEndsTheStream() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    try (PrimedRecorder<Document> stream = ready(items.watch(), items)) {
      sync(items.drop());
      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(2);
      assertEquals(OperationType.DROP, events.get(0).getOperationType());
      assertEquals("items", events.get(0).getNamespace().getCollectionName());
      assertEquals(OperationType.INVALIDATE, events.get(1).getOperationType());
      await().atMost(WAIT).until(() -> stream.isCompleted() || stream.error() != null);
    }
  }

  @Test
  void droppingTheDatabaseSendsDropsThenDropDatabaseThenInvalidate() {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> items = db.getCollection("items");
    try (PrimedRecorder<Document> stream = ready(db.watch(), items)) {
      sync(db.drop());
      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(3);
      List<OperationType> types = events.stream().map(e -> e.getOperationType()).toList();
      assertEquals(OperationType.DROP, types.get(0));
      assertEquals(OperationType.DROP_DATABASE, types.get(types.size() - 2));
      assertEquals(OperationType.INVALIDATE, types.get(types.size() - 1));
      assertEquals(db.getName(), events.get(types.size() - 2).getDatabaseName());
    }
  }

  @Test
  void preImagesOnCollectionsThatEnableThem() {
    MongoDatabase db = freshDatabase();
    sync(
        db.createCollection(
            "items",
            new CreateCollectionOptions()
                .changeStreamPreAndPostImagesOptions(
                    new ChangeStreamPreAndPostImagesOptions(true))));
    MongoCollection<Document> items = db.getCollection("items");
    insert(items, new Document("_id", 1).append("v", 1));
    try (PrimedRecorder<Document> stream = watchWithPreImagesWhenAvailable(items)) {
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("v", 2)));
      sync(items.replaceOne(Filters.eq("_id", 1), new Document("v", 3)));
      sync(items.deleteOne(Filters.eq("_id", 1)));
      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(3);
      assertEquals(
          new Document("_id", 1).append("v", 1), events.get(0).getFullDocumentBeforeChange());
      assertEquals(
          new Document("_id", 1).append("v", 2), events.get(1).getFullDocumentBeforeChange());
      assertEquals(
          new Document("_id", 1).append("v", 3), events.get(2).getFullDocumentBeforeChange());
    }
  }

  @Test
  void collModEnablesPreImagesAndWithoutThemWhenAvailableGivesNull() {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> items = db.getCollection("items");
    insert(items, new Document("_id", 1).append("v", 1));
    try (PrimedRecorder<Document> stream = watchWithPreImagesWhenAvailable(items)) {
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("v", 2)));
      assertNull(stream.awaitEvents(1).get(0).getFullDocumentBeforeChange());
      sync(
          db.runCommand(
              new Document("collMod", "items")
                  .append("changeStreamPreAndPostImages", new Document("enabled", true))));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("v", 3)));
      assertEquals(
          new Document("_id", 1).append("v", 2),
          stream.awaitEvents(2).get(1).getFullDocumentBeforeChange());
    }
  }

  @Test
  void collModOnAMissingCollectionFailsWithNamespaceNotFound() {
    MongoDatabase db = freshDatabase();
    Document command =
        new Document("collMod", "missing")
            .append("changeStreamPreAndPostImages", new Document("enabled", true));
    MongoCommandException error =
        assertThrows(MongoCommandException.class, () -> sync(db.runCommand(command)));
    assertEquals(26, error.getErrorCode());
  }

  /** A primed stream of {@code items} asking for pre-images where the collection keeps them. */
  private static PrimedRecorder<Document> watchWithPreImagesWhenAvailable(
      MongoCollection<Document> items) {
    return ready(
        items.watch().fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE), items);
  }
}
