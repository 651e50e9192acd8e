package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.ttl.IndexConflicts;
import io.roomcast.embedded.ttl.TtlIndex;
import io.roomcast.embedded.ttl.TtlIndexes;
import io.roomcast.embedded.ttl.TtlSpecs;
import io.roomcast.embedded.wire.TtlIndexCommands.Library;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code createIndexes} with TTL specifications, answered as MongoDB answers it: every
 * specification is checked first (a bad one or a conflict fails the command and changes nothing),
 * the collection is created when missing, the TTL indexes go to {@link TtlIndexes} and the others
 * to the library; {@code numIndexesBefore/After} count the collection's indexes, and re-creating an
 * existing index is a no-op ({@code note: "all indexes already exist"}).
 */
final class TtlIndexCreation {
  private static final Logger log = LoggerFactory.getLogger(TtlIndexCreation.class);

  private final CapturingBackend backend;
  private final TtlIndexes indexes;

  TtlIndexCreation(CapturingBackend backend, TtlIndexes indexes) {
    this.backend = backend;
    this.indexes = indexes;
  }

  /** The reply, or null when no specification is a TTL one (the library answers). */
  Document createIndexes(String database, Document command, Library library) {
    if (!(command.get("createIndexes") instanceof String collection)
        || !(command.get("indexes") instanceof List<?> specs)) {
      return null;
    }
    String namespace = database + "." + collection;
    List<TtlIndex> ttl = new ArrayList<>();
    List<Object> others = new ArrayList<>();
    for (Object spec : specs) {
      if (TtlSpecs.isTtl(spec)) {
        ttl.add(TtlSpecs.parse((Document) spec));
      } else {
        others.add(spec);
      }
    }
    for (Object other : others) { // an index of the library must not shadow a TTL index
      for (TtlIndex index : indexes.of(namespace)) {
        if (other instanceof Document spec) {
          IndexConflicts.sameIndex(spec, index.description());
        }
      }
    }
    if (ttl.isEmpty()) {
      return null;
    }
    for (Document existing : libraryIndexes(database, collection, library)) {
      ttl.forEach(index -> IndexConflicts.sameIndex(index.description(), existing));
    }
    indexes.check(namespace, ttl);
    boolean created = backend.ensureCollection(database, collection);
    int before = count(database, collection);
    if (!others.isEmpty()) {
      Document reply =
          library.answer(
              database, "createIndexes", new Document(command).append("indexes", others));
      if (!isOk(reply)) {
        return reply;
      }
    }
    for (TtlIndex index : indexes.add(namespace, ttl)) {
      log.info(
          "created TTL index {} on {}: documents expire {} s after their {}",
          index.name(),
          namespace,
          index.expireAfterSeconds(),
          index.field());
    }
    int after = count(database, collection);
    Document reply = new Document("numIndexesBefore", before).append("numIndexesAfter", after);
    if (created) {
      reply.append("createdCollectionAutomatically", true);
    }
    if (before == after) {
      reply.append("note", "all indexes already exist");
    }
    return reply.append("ok", 1.0);
  }

  private List<Document> libraryIndexes(String database, String collection, Library library) {
    Document reply =
        library.answer(database, "listIndexes", new Document("listIndexes", collection));
    List<Document> found = new ArrayList<>();
    if (reply.get("cursor") instanceof Document cursor
        && cursor.get("firstBatch") instanceof List<?> batch) {
      batch.forEach(index -> found.add((Document) index));
    }
    return found;
  }

  /** Indexes of the collection, as MongoDB counts them: _id, the library's and the TTL ones. */
  int count(String database, String collection) {
    return backend.indexCount(database, collection)
        + indexes.of(database + "." + collection).size();
  }

  static boolean isOk(Document reply) {
    return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
  }
}
