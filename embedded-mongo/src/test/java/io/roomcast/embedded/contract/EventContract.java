package io.roomcast.embedded.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.reactivestreams.client.ChangeStreamPublisher;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.StreamRecorder;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Points 2 and 3: event types, their common fields, fullDocument and updateDescription. */
abstract class EventContract extends ContractSupport {

  @Test
  void insertUpdateReplaceDeleteCarryTheirFields() {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> items = db.getCollection("items");
    try (PrimedRecorder<Document> stream =
        ready(items.watch().fullDocument(FullDocument.UPDATE_LOOKUP), items)) {
      insert(items, new Document("_id", 1).append("uuid", "u1").append("v", 1));
      sync(items.updateOne(Filters.eq("uuid", "u1"), Updates.set("v", 2)));
      sync(items.replaceOne(Filters.eq("_id", 1), new Document("uuid", "u1").append("w", 3)));
      sync(items.deleteOne(Filters.eq("_id", 1)));

      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(4);
      assertEquals(
          List.of(
              OperationType.INSERT,
              OperationType.UPDATE,
              OperationType.REPLACE,
              OperationType.DELETE),
          events.stream().map(ChangeStreamDocument::getOperationType).toList());
      for (ChangeStreamDocument<Document> event : events) {
        assertNotNull(event.getResumeToken().get("_data"), "resume token");
        assertNotNull(event.getClusterTime(), "clusterTime");
        assertNotNull(event.getWallTime(), "wallTime");
        assertEquals(db.getName(), event.getNamespace().getDatabaseName());
        assertEquals("items", event.getNamespace().getCollectionName());
        assertEquals(new BsonDocument("_id", new BsonInt32(1)), event.getDocumentKey());
      }
      assertEquals(new Document("_id", 1).append("uuid", "u1").append("v", 1), full(events, 0));
      Document updatedFields =
          Document.parse(events.get(1).getUpdateDescription().getUpdatedFields().toJson());
      assertEquals(new Document("v", 2), updatedFields);
      assertEquals(List.of(), events.get(1).getUpdateDescription().getRemovedFields());
      assertEquals(new Document("_id", 1).append("uuid", "u1").append("w", 3), full(events, 2));
      assertNull(events.get(3).getFullDocument(), "delete has no fullDocument");
    }
  }

  @Test
  void updateLookupGivesTheDocumentAsItIsNowOrNullWhenDeleted() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    ChangeStreamDocument<Document> inserted;
    try (PrimedRecorder<Document> stream = ready(items.watch(), items)) {
      insert(items, new Document("_id", "a").append("v", 1));
      inserted = stream.awaitEvents(1).get(0);
    }
    sync(items.updateOne(Filters.eq("_id", "a"), Updates.set("v", 2)));
    sync(items.updateOne(Filters.eq("_id", "a"), Updates.set("v", 3)));
    sync(items.deleteOne(Filters.eq("_id", "a")));
    // A stream resumed from the insert reads the updates only now, after the delete.
    ChangeStreamPublisher<Document> resumed =
        items
            .watch()
            .fullDocument(FullDocument.UPDATE_LOOKUP)
            .resumeAfter(inserted.getResumeToken());
    try (StreamRecorder<ChangeStreamDocument<Document>> recorder = StreamRecorder.record(resumed)) {
      Awaitility.await().atMost(WAIT).until(() -> recorder.items().size() >= 3);
      List<ChangeStreamDocument<Document>> events = recorder.items();
      assertEquals(OperationType.UPDATE, events.get(0).getOperationType());
      assertNull(events.get(0).getFullDocument(), "document was deleted since");
      assertNull(events.get(1).getFullDocument(), "document was deleted since");
      assertEquals(OperationType.DELETE, events.get(2).getOperationType());
    }
  }

  @Test
  void updateDescriptionReportsMongoDbFieldPaths() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    insert(
        items,
        new Document("_id", 1)
            .append("n", 1)
            .append("gone", true)
            .append("tags", List.of("a", "b", "c"))
            .append("sub", new Document("x", 1)));
    try (PrimedRecorder<Document> stream = ready(items.watch(), items)) {
      sync(items.updateOne(Filters.eq("_id", 1), Updates.inc("n", 5)));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.unset("gone")));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.push("tags", "d")));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.pull("tags", "b")));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("sub.x", 2)));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("fresh.deep", 1)));

      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(6);
      assertEquals(new Document("n", 6), updated(events.get(0)));
      assertEquals(List.of("gone"), events.get(1).getUpdateDescription().getRemovedFields());
      assertEquals(new Document("tags.3", "d"), updated(events.get(2)));
      assertEquals(new Document("tags", List.of("a", "c", "d")), updated(events.get(3)));
      assertEquals(new Document("sub.x", 2), updated(events.get(4)));
      assertEquals(new Document("fresh", new Document("deep", 1)), updated(events.get(5)));
    }
  }

  static Document updated(ChangeStreamDocument<Document> event) {
    return Document.parse(event.getUpdateDescription().getUpdatedFields().toJson());
  }

  private static Document full(List<ChangeStreamDocument<Document>> events, int index) {
    return events.get(index).getFullDocument();
  }
}
