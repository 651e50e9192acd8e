package io.roomcast.socket.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a client knows of a room: the snapshot's documents, then each change event applied in order,
 * as a client of the protocol would. Counts changes received twice (by {@code meta.id}) and changes
 * at or before the snapshot's position (already in the documents).
 */
final class RoomView {
  private final String position;
  private final Map<String, ObjectNode> documents = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();
  private int duplicates;
  private int alreadyInSnapshot;

  /** From a snapshot join's ack (its first result). */
  RoomView(JsonNode ack) {
    this.position = ack.path("position").asText();
    for (JsonNode entry : ack.path("results").get(0).path("documents")) {
      JsonNode document = entry.path("document");
      documents.put(document.path("_id").asText(), (ObjectNode) document.deepCopy());
    }
  }

  void apply(JsonNode body, JsonNode meta) {
    String id = meta.path("id").asText();
    if (!seen.add(id)) {
      duplicates++;
      return;
    }
    if (id.compareTo(position) <= 0) {
      alreadyInSnapshot++;
      return;
    }
    String key = meta.path("documentKey").path("_id").asText();
    switch (meta.path("operationType").asText()) {
      case "insert", "replace" -> documents.put(key, (ObjectNode) body.deepCopy());
      case "update" -> documents.computeIfPresent(key, (k, old) -> old.setAll((ObjectNode) body));
      case "delete" -> documents.remove(key);
      default -> throw new AssertionError("unexpected change " + meta);
    }
  }

  /** _id -> field {@code v}, to compare with the database. */
  Map<String, Integer> values() {
    Map<String, Integer> values = new TreeMap<>();
    documents.forEach((id, document) -> values.put(id, document.path("v").asInt()));
    return values;
  }

  int duplicates() {
    return duplicates;
  }

  int alreadyInSnapshot() {
    return alreadyInSnapshot;
  }
}
