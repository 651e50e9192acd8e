package io.roomcast.embedded.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** Points 1 and 5: collection, database and deployment scopes; $match and $project. */
abstract class ScopeContract extends ContractSupport {

  @Test
  void eachScopeSeesItsOwnNamespacesOnly() {
    MongoDatabase one = freshDatabase();
    MongoDatabase two = freshDatabase();
    MongoCollection<Document> a = one.getCollection("a");
    MongoCollection<Document> b = one.getCollection("b");
    MongoCollection<Document> c = two.getCollection("c");
    try (PrimedRecorder<Document> collection = ready(a.watch(), a);
        PrimedRecorder<Document> database = ready(one.watch(), a);
        PrimedRecorder<Document> deployment = ready(client.watch(), a)) {
      insert(a, new Document("_id", "in-a"));
      insert(b, new Document("_id", "in-b"));
      insert(c, new Document("_id", "in-c"));
      insert(a, new Document("_id", "last"));

      assertEquals(List.of("in-a", "last"), ids(collection.awaitEvents(2)));
      assertEquals(List.of("in-a", "in-b", "last"), ids(database.awaitEvents(3)));
      List<String> all = ids(deployment.awaitEvents(4));
      assertEquals(
          List.of("in-a", "in-b", "in-c", "last"), all.subList(all.size() - 4, all.size()));
    }
  }

  @Test
  void matchOnAnyEventFieldFiltersTheStream() {
    MongoDatabase db = freshDatabase();
    MongoCollection<Document> items = db.getCollection("items");
    MongoCollection<Document> other = db.getCollection("other");
    insert(items, new Document("_id", 1).append("x", 1), new Document("_id", 2).append("x", 2));
    Bson match =
        Filters.or(
            Filters.regex("documentKey._id", "^prime-"),
            Filters.and(
                Filters.eq("ns.coll", "items"),
                Filters.in("operationType", "update", "delete"),
                Filters.ne("fullDocument.x", 20)));
    try (PrimedRecorder<Document> stream =
        ready(
            db.watch(List.of(Aggregates.match(match))).fullDocument(FullDocument.UPDATE_LOOKUP),
            items)) {
      insert(items, new Document("_id", 3).append("x", 3));
      sync(items.updateOne(Filters.eq("_id", 1), Updates.set("x", 10)));
      sync(items.updateOne(Filters.eq("_id", 2), Updates.set("x", 20)));
      insert(other, new Document("_id", 9));
      sync(other.deleteOne(Filters.eq("_id", 9)));
      sync(items.deleteOne(Filters.eq("_id", 3)));

      List<ChangeStreamDocument<Document>> events = stream.awaitEvents(2);
      assertEquals(List.of(OperationType.UPDATE, OperationType.DELETE), types(events));
      assertEquals(10, events.get(0).getFullDocument().get("x"));
    }
  }

  @Test
  void projectShapesTheEvents() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    Bson project = Aggregates.project(Projections.exclude("fullDocument"));
    try (PrimedRecorder<Document> stream = ready(items.watch(List.of(project)), items)) {
      insert(items, new Document("_id", 1).append("secret", "s"));
      ChangeStreamDocument<Document> event = stream.awaitEvents(1).get(0);
      assertEquals(OperationType.INSERT, event.getOperationType());
      assertNull(event.getFullDocument());
      assertFalse(event.getResumeToken().isEmpty());
    }
  }

  static List<String> ids(List<ChangeStreamDocument<Document>> events) {
    return events.stream().map(e -> e.getDocumentKey().getString("_id").getValue()).toList();
  }

  static List<OperationType> types(List<ChangeStreamDocument<Document>> events) {
    return events.stream().map(ChangeStreamDocument::getOperationType).toList();
  }
}
