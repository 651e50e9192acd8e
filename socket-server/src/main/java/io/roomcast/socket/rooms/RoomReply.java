package io.roomcast.socket.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.replay.RoomOutcome;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers to room requests, as docs/protocol.md defines them: {@code
 * {"ok":true,"results":[{"uuid": "…","status":"joined"}]}} or {@code
 * {"ok":false,"error":"…","results":[{"uuid":…,"status": "rejected","reason":"…"}]}}.
 */
final class RoomReply {
  static final String REJECTED = "rejected";

  /** The reason given to valid items of a request that was rejected as a whole. */
  static final String REQUEST_REJECTED = "request rejected";

  /** Results a rejection lists at most; the rest are counted in {@code omitted}. */
  static final int MAX_ECHOED_ITEMS = 10;

  /** Characters of an invalid item echoed at most; longer ones end with "…". */
  static final int MAX_ECHOED_CHARS = 64;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RoomReply() {}

  /** Every item done, with {@code status} ("joined" or "left"). */
  static ObjectNode done(RoomRequest request, String status) {
    ObjectNode reply = NODES.objectNode().put("ok", true);
    ArrayNode results = reply.putArray("results");
    for (RoomRequest.Item item : request.items()) {
      results.addObject().put("uuid", item.room()).put("status", status);
    }
    return reply;
  }

  /**
   * Joined with a position: each room also says {@code "recovered": true, "replayed": n} or {@code
   * "resync": true}.
   */
  static ObjectNode joined(RoomRequest request, Map<String, RoomOutcome> outcomes) {
    ObjectNode reply = done(request, "joined");
    for (JsonNode result : reply.path("results")) {
      RoomOutcome outcome = outcomes.get(result.path("uuid").asText());
      if (outcome != null && outcome.recovered()) {
        ((ObjectNode) result).put("recovered", true).put("replayed", outcome.replayed());
      } else {
        ((ObjectNode) result).put("resync", true);
      }
    }
    return reply;
  }

  /**
   * Nothing done: each invalid item says why, each valid one carries {@code validItemReason}. Never
   * larger than the request plus a constant: at most {@link #MAX_ECHOED_ITEMS} results, invalid
   * items echoed up to {@link #MAX_ECHOED_CHARS}, and {@code omitted} counting the rest.
   */
  static ObjectNode rejected(RoomRequest request, String error, String validItemReason) {
    return rejected(request, error, item -> validItemReason);
  }

  private static ObjectNode rejected(
      RoomRequest request, String error, Function<RoomRequest.Item, String> validItemReason) {
    ObjectNode reply = NODES.objectNode().put("ok", false).put("error", error);
    ArrayNode results = reply.putArray("results");
    List<RoomRequest.Item> items = request.items();
    for (RoomRequest.Item item : items.subList(0, Math.min(items.size(), MAX_ECHOED_ITEMS))) {
      ObjectNode result = results.addObject();
      if (item.valid()) {
        result.put("uuid", item.room());
      } else {
        result.set("uuid", echo(item.given()));
      }
      result.put("status", REJECTED);
      result.put("reason", item.valid() ? validItemReason.apply(item) : item.reason());
    }
    if (items.size() > MAX_ECHOED_ITEMS) {
      reply.put("omitted", items.size() - MAX_ECHOED_ITEMS);
    }
    return reply;
  }

  /** The item as sent if short; else its first characters (as a string) and "…". */
  private static JsonNode echo(JsonNode given) {
    String text = given.isTextual() ? given.asText() : given.toString();
    if (text.length() <= MAX_ECHOED_CHARS) {
      return given;
    }
    return NODES.textNode(text.substring(0, MAX_ECHOED_CHARS) + "…");
  }

  /** A request refused as a whole, with nothing to list item by item. */
  static ObjectNode failed(String error) {
    return NODES.objectNode().put("ok", false).put("error", error);
  }

  /**
   * Nothing done: each refused room carries its own reason, the others {@code request rejected};
   * bounded like {@link #rejected}.
   */
  static ObjectNode refused(RoomRequest request, String error, Map<String, String> reasons) {
    return rejected(request, error, item -> reasons.getOrDefault(item.room(), REQUEST_REJECTED));
  }

  /** The payload of an {@code error} event: a rejection plus the event it answers. */
  static ObjectNode errorEvent(String event, ObjectNode rejection) {
    ObjectNode error = NODES.objectNode().put("event", event);
    error.setAll(rejection);
    return error;
  }
}
