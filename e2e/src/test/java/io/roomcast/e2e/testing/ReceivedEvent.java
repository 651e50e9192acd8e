package io.roomcast.e2e.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** One event a client received: its name (the collection), the body and the change metadata. */
public record ReceivedEvent(String name, JsonNode body, JsonNode meta) {
  public String uuid() {
    return body.path("uuid").asText();
  }

  public String operationType() {
    return meta.path("operationType").asText();
  }
}
