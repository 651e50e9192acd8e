package io.roomcast.backend.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectionSetupIT {
  private static final List<Namespace> NAMESPACES =
      List.of(new Namespace("app", "test"), new Namespace("shop", "orders"));

  private EmbeddedMongo mongo;
  private MongoClient client;
  private CapturedLog log;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.start();
    client = MongoClients.create(mongo.connectionString());
    log = CapturedLog.of(CollectionSetup.class);
  }

  @AfterEach
  void stop() {
    log.close();
    client.close();
    mongo.close();
  }

  private List<String> lines(Level level) {
    return log.lines(level);
  }

  @Test
  void createsEachCollectionWithAUniqueUuidIndexAndSaysSo() {
    new CollectionSetup(client, "uuid").prepare(NAMESPACES);

    for (Namespace namespace : NAMESPACES) {
      MongoCollection<BsonDocument> collection =
          client
              .getDatabase(namespace.database())
              .getCollection(namespace.collection(), BsonDocument.class);
      Document index =
          collection.listIndexes().into(new ArrayList<>()).stream()
              .filter(i -> i.get("key", Document.class).containsKey("uuid"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no uuid index on " + namespace));
      assertEquals(Boolean.TRUE, index.getBoolean("unique"), index.toJson());
    }
    List<String> info = lines(Level.INFO);
    assertTrue(info.stream().anyMatch(l -> l.startsWith("Created collection app.test")), "" + info);
    assertTrue(info.contains("Created unique index on uuid of shop.orders"), "" + info);
    assertTrue(lines(Level.WARN).size() <= 1, "at most one warning: " + lines(Level.WARN));
  }

  @Test
  void runningAgainChangesNothingAndLogsNothingNew() {
    new CollectionSetup(client, "uuid").prepare(NAMESPACES);
    int before = lines(Level.INFO).size();
    int warnings = lines(Level.WARN).size();
    new CollectionSetup(client, "uuid").prepare(NAMESPACES);
    List<String> info = lines(Level.INFO);
    assertTrue(
        info.subList(before, info.size()).stream().noneMatch(l -> l.startsWith("Created")),
        "" + info);
    assertTrue(lines(Level.WARN).size() <= warnings + 1, "" + lines(Level.WARN));
  }

  @Test
  void theIndexRefusesASecondDocumentWithTheSameUuid() {
    new CollectionSetup(client, "uuid").prepare(NAMESPACES);
    MongoCollection<BsonDocument> test =
        client.getDatabase("app").getCollection("test", BsonDocument.class);
    UUID uuid = UUID.randomUUID();
    test.insertOne(new BsonDocument("uuid", Uuids.toBinary(uuid)).append("n", new BsonInt32(1)));
    MongoWriteException e =
        assertThrows(
            MongoWriteException.class,
            () -> test.insertOne(new BsonDocument("uuid", Uuids.toBinary(uuid))));
    assertEquals(ErrorCategory.DUPLICATE_KEY, e.getError().getCategory());
  }

  @Test
  void anExistingCollectionKeepsItsDocuments() {
    client
        .getDatabase("app")
        .getCollection("test")
        .insertOne(new Document("uuid", Uuids.toBinary(UUID.randomUUID())));
    new CollectionSetup(client, "uuid").prepare(NAMESPACES);
    assertEquals(1, client.getDatabase("app").getCollection("test").countDocuments());
    assertTrue(
        lines(Level.INFO).stream().noneMatch(l -> l.startsWith("Created collection app.test")));
  }
}
