package io.roomcast.socket.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.common.json.BsonJson;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.socket.stream.OperationType;
import io.roomcast.socket.stream.ResumeTokens;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Turns a change event into the two arguments clients receive (docs/protocol.md): the body a simple
 * client wants, and the change's metadata. BSON values are mapped by {@link BsonJson} only.
 */
public final class ChangeEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String uuidField;

  public ChangeEncoder(String uuidField) {
    this.uuidField = uuidField;
  }

  /** Encodes an event already routed to {@code uuid}, for the room of that UUID. */
  public PreparedChange encode(BsonDocument event, String collection, UUID uuid) {
    String room = Uuids.roomName(uuid);
    ObjectNode body = body(event, room);
    ObjectNode meta = meta(event);
    return new PreparedChange(
        collection,
        room,
        ResumeTokens.text(event.get("_id")),
        PreparedChange.preEncoded(write(body)),
        PreparedChange.preEncoded(write(meta)));
  }

  /** Insert, replace: the whole document; update: the updated fields; delete: just the UUID. */
  ObjectNode body(BsonDocument event, String room) {
    String operation = OperationType.of(event);
    BsonValue full = event.get("fullDocument");
    if (("insert".equals(operation) || "replace".equals(operation))
        && full != null
        && full.isDocument()) {
      return document(full.asDocument(), room);
    }
    ObjectNode body = NODES.objectNode().put(uuidField, room);
    if ("update".equals(operation)) {
      BsonDocument updated =
          updateDescription(event).getDocument("updatedFields", new BsonDocument());
      for (Map.Entry<String, BsonValue> field : updated.entrySet()) {
        if (!field.getKey().equals(uuidField)) {
          body.set(field.getKey(), BsonJson.toJson(field.getValue()));
        }
      }
    }
    return body;
  }

  /**
   * A whole document as clients receive it (an insert's body, a snapshot's document): {@link
   * BsonJson}'s mapping, with the UUID field as the room name.
   */
  public ObjectNode document(BsonDocument document, String room) {
    ObjectNode body = BsonJson.toJson(document);
    body.put(uuidField, room); // replaces in place, so a string UUID in any case reads lowercase
    return body;
  }

  /** operationType, id (the resume token), db, collection, documentKey, times, update details. */
  ObjectNode meta(BsonDocument event) {
    ObjectNode meta = NODES.objectNode();
    meta.put("operationType", OperationType.of(event));
    meta.put("id", ResumeTokens.text(event.get("_id")));
    BsonDocument ns = event.getDocument("ns", new BsonDocument());
    putIfPresent(meta, "db", ns.get("db"));
    putIfPresent(meta, "collection", ns.get("coll"));
    putIfPresent(meta, "documentKey", event.get("documentKey"));
    putIfPresent(meta, "clusterTime", event.get("clusterTime"));
    putIfPresent(meta, "wallTime", event.get("wallTime"));
    if ("update".equals(OperationType.of(event))) {
      BsonDocument description = updateDescription(event);
      meta.set(
          "removedFields",
          BsonJson.toJson(description.getArray("removedFields", new org.bson.BsonArray())));
      BsonValue truncated = description.get("truncatedArrays");
      if (truncated != null && truncated.isArray() && !truncated.asArray().isEmpty()) {
        meta.set("truncatedArrays", BsonJson.toJson(truncated));
      }
    }
    return meta;
  }

  private static BsonDocument updateDescription(BsonDocument event) {
    BsonValue description = event.get("updateDescription");
    return description != null && description.isDocument()
        ? description.asDocument()
        : new BsonDocument();
  }

  private static void putIfPresent(ObjectNode meta, String name, BsonValue value) {
    if (value != null) {
      meta.set(name, BsonJson.toJson(value));
    }
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e); // cannot happen
    }
  }
}
