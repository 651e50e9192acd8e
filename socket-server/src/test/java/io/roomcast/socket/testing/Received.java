package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One event a client received: its name and its arguments as JSON. */
public record Received(String name, List<JsonNode> args) {
  public JsonNode body() {
    return arg(0);
  }

  public JsonNode meta() {
    return arg(1);
  }

  public JsonNode arg(int index) {
    return index < args.size()
        ? args.get(index)
        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  public String uuid() {
    return body().path("uuid").asText();
  }

  public String operationType() {
    return meta().path("operationType").asText();
  }
}
