package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.stream.CommandFailure;
import io.roomcast.embedded.ttl.TtlIndex;
import io.roomcast.embedded.ttl.TtlIndexes;
import java.util.ArrayList;
import java.util.List;

/**
 * The index commands where TTL indexes are concerned: {@code createIndexes} keeps the TTL ones in
 * {@link TtlIndexes} (mongo-java-server would ignore them with a WARN) and passes the others on;
 * {@code listIndexes} adds them to the library's list; {@code dropIndexes} and {@code
 * renameCollection} drop or move them. Commands on collections without TTL indexes, and index
 * specifications without {@code expireAfterSeconds}, reach the library unchanged.
 */
final class TtlIndexCommands {
  /** mongo-java-server's answer to a command, errors as error replies. */
  interface Library {
    Document answer(String database, String command, Document body);
  }

  private final CapturingBackend backend;
  private final TtlIndexes indexes;
  private final TtlIndexCreation creation;

  TtlIndexCommands(CapturingBackend backend, TtlIndexes indexes) {
    this.backend = backend;
    this.indexes = indexes;
    this.creation = new TtlIndexCreation(backend, indexes);
  }

  /** The reply, or null when the library is to answer the command as it is. */
  Document answer(String database, String name, Document command, Library library) {
    return switch (name) {
      case "createIndexes" -> creation.createIndexes(database, command, library);
      case "listIndexes" -> listIndexes(database, command, library);
      case "dropIndexes" -> dropIndexes(database, command, library);
      case "renameCollection" -> renameCollection(database, command, library);
      default -> null;
    };
  }

  private Document listIndexes(String database, Document command, Library library) {
    List<TtlIndex> ttl = indexes.of(database + "." + command.get("listIndexes"));
    if (ttl.isEmpty()) {
      return null;
    }
    Document reply = library.answer(database, "listIndexes", command);
    if (reply.get("cursor") instanceof Document cursor
        && cursor.get("firstBatch") instanceof List<?> batch) {
      List<Object> all = new ArrayList<>(batch);
      ttl.forEach(index -> all.add(index.description().cloneDeeply()));
      cursor.put("firstBatch", all);
    }
    return reply;
  }

  private Document dropIndexes(String database, Document command, Library library) {
    Object collection = command.get("dropIndexes");
    String namespace = database + "." + collection;
    List<TtlIndex> ttl = indexes.of(namespace);
    if (ttl.isEmpty() || !(collection instanceof String name)) {
      return null;
    }
    Object index = command.get("index");
    if (index == null) {
      return null;
    }
    int before = creation.count(database, name);
    if ("*".equals(index)) {
      indexes.removeAll(namespace);
      if (backend.indexCount(database, name) > 1) { // the library drops the others
        return library.answer(database, "dropIndexes", command);
      }
      return new Document("nIndexesWas", before).append("ok", 1.0);
    }
    List<?> requested = index instanceof List<?> list ? list : List.of(index);
    List<String> names = new ArrayList<>();
    for (TtlIndex candidate : ttl) {
      if (requested.contains(candidate.name()) || candidate.key().equals(index)) {
        names.add(candidate.name());
      }
    }
    if (names.isEmpty()) {
      return null;
    }
    if (index instanceof List<?> list && names.size() != list.size()) {
      throw new CommandFailure(
          20,
          "IllegalOperation",
          "the embedded database drops TTL indexes and other indexes in separate dropIndexes");
    }
    indexes.remove(namespace, names);
    return new Document("nIndexesWas", before).append("ok", 1.0);
  }

  private Document renameCollection(String database, Document command, Library library) {
    if (!(command.get("renameCollection") instanceof String from)
        || !(command.get("to") instanceof String to)
        || indexes.of(from).isEmpty()) {
      return null;
    }
    Document reply = library.answer(database, "renameCollection", command);
    if (TtlIndexCreation.isOk(reply)) {
      indexes.renamed(from, to);
    }
    return reply;
  }
}
