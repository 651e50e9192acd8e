package io.roomcast.embedded.ttl;

import static io.roomcast.embedded.ttl.TtlTesting.PAST;
import static io.roomcast.embedded.ttl.TtlTesting.createIndexes;
import static io.roomcast.embedded.ttl.TtlTesting.dated;
import static io.roomcast.embedded.ttl.TtlTesting.expireProbe;
import static io.roomcast.embedded.ttl.TtlTesting.ids;
import static io.roomcast.embedded.ttl.TtlTesting.names;
import static io.roomcast.embedded.ttl.TtlTesting.run;
import static io.roomcast.embedded.ttl.TtlTesting.ttlSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoCommandException;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.roomcast.embedded.testing.Reactive;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad TTL specifications and conflicts get MongoDB's errors and change nothing; dropping the index,
 * the collection or the database ends the TTL index, renaming the collection takes it along.
 */
class TtlIndexRulesIT {
  @RegisterExtension static final TtlDatabase DATABASE = new TtlDatabase();

  static MongoDatabase db() {
    return DATABASE.client().getDatabase("rules");
  }

  @Test
  void badSpecificationsAreRefusedAndCreateNothing() {
    Document compound =
        new Document("key", new Document("a", 1).append("b", 1))
            .append("name", "a_1_b_1")
            .append("expireAfterSeconds", 10);
    assertCode(67, createIndexes("refused", compound));
    assertCode(67, createIndexes("refused", ttlSpec("a_1", "a", -1)));
    assertCode(67, createIndexes("refused", ttlSpec("a_1", "a", 1.5)));
    assertCode(67, createIndexes("refused", ttlSpec("a_1", "a", "10")));
    assertCode(67, createIndexes("refused", ttlSpec("a_1", "a", 2_147_483_648L)));
    assertCode(67, createIndexes("refused", ttlSpec("a_1", "a", 10).append("unique", true)));
    assertCode(197, createIndexes("refused", ttlSpec("_id_", "_id", 10)));
    Document plain = new Document("key", new Document("plain", 1)).append("name", "plain_1");
    assertCode(67, createIndexes("refused", plain, compound));
    assertFalse(Reactive.all(db().listCollectionNames()).contains("refused"));
  }

  @Test
  void conflictsWithAnExistingIndexAreRefused() {
    run(db(), createIndexes("conflicts", ttlSpec("expiresAt_1", "expiresAt", 60)));
    assertCode(85, createIndexes("conflicts", ttlSpec("expiresAt_1", "expiresAt", 120)));
    assertCode(85, createIndexes("conflicts", ttlSpec("other", "expiresAt", 60)));
    assertCode(86, createIndexes("conflicts", ttlSpec("expiresAt_1", "other", 60)));
    Document plain =
        new Document("key", new Document("expiresAt", 1)).append("name", "expiresAt_1");
    assertCode(85, createIndexes("conflicts", plain));
    List<Document> indexes = TtlTesting.indexes(db(), "conflicts");
    assertEquals(List.of("_id_", "expiresAt_1"), names(db(), "conflicts"));
    assertEquals(60L, ((Number) indexes.get(1).get("expireAfterSeconds")).longValue());
  }

  @Test
  void droppingTheIndexCollectionOrDatabaseEndsTheTtlIndex() {
    MongoDatabase other = DATABASE.client().getDatabase("rules-dropped");
    for (String name : List.of("dropIndex", "dropCollection")) {
      run(db(), createIndexes(name, ttlSpec("expiresAt_1", "expiresAt", 0)));
    }
    run(other, createIndexes("c", ttlSpec("expiresAt_1", "expiresAt", 0)));
    Reactive.one(db().getCollection("dropIndex").dropIndex("expiresAt_1"));
    Reactive.one(db().getCollection("dropCollection").drop());
    Reactive.one(other.drop());
    List<MongoCollection<Document>> ended =
        List.of(
            db().getCollection("dropIndex"),
            db().getCollection("dropCollection"),
            other.getCollection("c"));
    for (MongoCollection<Document> collection : ended) {
      Reactive.one(collection.insertOne(dated("kept", PAST)));
    }
    run(db(), createIndexes("probe", ttlSpec("expiresAt_1", "expiresAt", 0)));
    expireProbe(db().getCollection("probe"), "probe");
    for (MongoCollection<Document> collection : ended) {
      assertEquals(Set.of("kept"), ids(collection), collection.getNamespace().getFullName());
      assertEquals(
          List.of("_id_"),
          Reactive.all(collection.listIndexes()).stream().map(i -> i.getString("name")).toList());
    }
  }

  @Test
  void aRenamedCollectionKeepsItsTtlIndex() {
    run(db(), createIndexes("renameFrom", ttlSpec("expiresAt_1", "expiresAt", 0)));
    Document rename =
        new Document("renameCollection", "rules.renameFrom").append("to", "rules.renameTo");
    Reactive.one(DATABASE.client().getDatabase("admin").runCommand(rename));
    assertEquals(List.of("_id_", "expiresAt_1"), names(db(), "renameTo"));
    expireProbe(db().getCollection("renameTo"), "renamed");
  }

  private static void assertCode(int code, Document command) {
    MongoCommandException error =
        assertThrows(MongoCommandException.class, () -> run(db(), command));
    assertEquals(code, error.getErrorCode(), error.getMessage());
  }
}
