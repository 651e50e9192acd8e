package io.roomcast.socket.rooms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers to room requests, as docs/protocol.md defines them: {@code
 * {"ok":true,"results":[{"uuid": "…","status":"joined"}]}} or {@code
 * {"ok":false,"error":"…","results":[{"uuid":…,"status": "rejected","reason":"…"}]}}.
 */
final class RoomReply {
  static final String REJECTED = "rejected";

  /** The reason given to valid items of a request that was rejected as a whole. */
  static final String REQUEST_REJECTED = "request rejected";

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

  /** Nothing done: each invalid item says why, each valid one carries {@code validItemReason}. */
  static ObjectNode rejected(RoomRequest request, String error, String validItemReason) {
    ObjectNode reply = NODES.objectNode().put("ok", false).put("error", error);
    ArrayNode results = reply.putArray("results");
    for (RoomRequest.Item item : request.items()) {
      ObjectNode result = results.addObject();
      if (item.valid()) {
        result.put("uuid", item.room());
      } else {
        result.set("uuid", item.given());
      }
      result.put("status", REJECTED);
      result.put("reason", item.valid() ? validItemReason : item.reason());
    }
    return reply;
  }

  /**
   * Nothing done: each refused room carries its own reason, the others {@code request rejected}.
   */
  static ObjectNode refused(
      RoomRequest request, String error, java.util.Map<String, String> reasons) {
    ObjectNode reply = NODES.objectNode().put("ok", false).put("error", error);
    ArrayNode results = reply.putArray("results");
    for (RoomRequest.Item item : request.items()) {
      results
          .addObject()
          .put("uuid", item.room())
          .put("status", REJECTED)
          .put("reason", reasons.getOrDefault(item.room(), REQUEST_REJECTED));
    }
    return reply;
  }

  /** The payload of an {@code error} event: a rejection plus the event it answers. */
  static ObjectNode errorEvent(String event, ObjectNode rejection) {
    ObjectNode error = NODES.objectNode().put("event", event);
    error.setAll(rejection);
    return error;
  }
}
