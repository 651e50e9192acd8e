package io.roomcast.socket.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.socket.emit.ChangeEncoder;
import io.roomcast.socket.replay.Position;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * One snapshot's reads, one collection after the other in its session, collecting at most {@code
 * SNAPSHOT_MAX_DOCUMENTS} documents of at most {@code SNAPSHOT_MAX_BYTES} of JSON in all (the ack
 * is written to the client at once, so it must fit the client's buffer). Its state is touched by
 * one read's callback at a time (each find starts when the previous one completed), never
 * concurrently.
 */
final class SnapshotRun {
  /** MongoDB's answer to a snapshot read of a collection created after T. */
  private static final int SNAPSHOT_UNAVAILABLE = 246;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MongoClient client;
  private final ClientSession session;
  private final String uuidField;
  private final ChangeEncoder encoder;
  private final int maxDocuments;
  private final long maxBytes;
  private final Bson filter;
  private final Map<String, ArrayNode> documents = new LinkedHashMap<>();
  private int collected;
  private long bytes;
  private boolean truncated;

  SnapshotRun(
      MongoClient client,
      ClientSession session,
      Set<String> rooms,
      String uuidField,
      ChangeEncoder encoder,
      SnapshotSettings settings) {
    this.client = client;
    this.session = session;
    this.uuidField = uuidField;
    this.encoder = encoder;
    this.maxDocuments = settings.maxDocuments();
    this.maxBytes = settings.maxBytes();
    List<BsonValue> forms = new ArrayList<>();
    for (String room : rooms) {
      documents.put(room, JsonNodeFactory.instance.arrayNode());
      UUID uuid = Uuids.parse(room).orElseThrow();
      forms.add(Uuids.toBinary(uuid));
      forms.add(new BsonString(room));
      forms.add(new BsonString(room.toUpperCase(Locale.ROOT)));
    }
    this.filter = Filters.in(uuidField, forms);
  }

  /** Reads these collections in turn; stops early once the bound is passed. */
  CompletableFuture<Void> read(List<MongoNamespace> namespaces) {
    return readFrom(namespaces.iterator(), false);
  }

  /** As {@link #read}, for collections that appeared after the first listing. */
  CompletableFuture<Void> readLate(List<MongoNamespace> namespaces) {
    return readFrom(namespaces.iterator(), true);
  }

  private CompletableFuture<Void> readFrom(Iterator<MongoNamespace> namespaces, boolean late) {
    if (truncated || !namespaces.hasNext()) {
      return CompletableFuture.completedFuture(null);
    }
    MongoNamespace namespace = namespaces.next();
    return Publishers.each(
            client
                .getDatabase(namespace.getDatabaseName())
                .getCollection(namespace.getCollectionName(), BsonDocument.class)
                .find(session, filter)
                .limit(maxDocuments - collected + 1),
            document -> collect(namespace, document))
        .exceptionally(error -> lateCollection(error, late))
        .thenCompose(done -> readFrom(namespaces, late));
  }

  /** A collection created after T has no documents at T; other errors fail the snapshot. */
  private static Void lateCollection(Throwable error, boolean late) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    if (late
        && cause instanceof MongoCommandException command
        && command.getErrorCode() == SNAPSHOT_UNAVAILABLE) {
      return null;
    }
    throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
  }

  /** Adds one document to its room; false once a bound is passed (the read then stops). */
  private boolean collect(MongoNamespace namespace, BsonDocument document) {
    Optional<UUID> uuid = Uuids.fromBson(document.get(uuidField));
    ArrayNode room = uuid.map(id -> documents.get(Uuids.roomName(id))).orElse(null);
    if (room == null) {
      return true; // the filter matched a form of an asked room, so this cannot happen
    }
    ObjectNode entry =
        JsonNodeFactory.instance
            .objectNode()
            .put("db", namespace.getDatabaseName())
            .put("collection", namespace.getCollectionName())
            .set("document", encoder.document(document, Uuids.roomName(uuid.get())));
    long size = jsonBytes(entry);
    if (collected == maxDocuments || bytes + size > maxBytes) {
      truncated = true;
      return false;
    }
    collected++;
    bytes += size;
    room.add(entry);
    return true;
  }

  private static long jsonBytes(ObjectNode entry) {
    try {
      return JSON.writeValueAsBytes(entry).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e); // cannot happen
    }
  }

  Snapshot result(Position position) {
    return new Snapshot(position, documents, truncated);
  }
}
