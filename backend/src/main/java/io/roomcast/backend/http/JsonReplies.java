package io.roomcast.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Writes JSON responses, including the {@code {"error": "..."}} body every refusal carries. */
public final class JsonReplies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReplies() {}

  public static void send(Context ctx, HttpStatus status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; this would be a bug, not a client error.
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  public static void error(Context ctx, HttpStatus status, String message) {
    send(ctx, status, errorNode(message));
  }

  /** The bytes of {@code {"error": message}}, for replies written outside Javalin (by Jetty). */
  public static byte[] errorBody(String message) {
    try {
      return MAPPER.writeValueAsBytes(errorNode(message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  private static ObjectNode errorNode(String message) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("error", message);
    return body;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
