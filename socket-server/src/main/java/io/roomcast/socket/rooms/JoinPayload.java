package io.roomcast.socket.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.replay.Position;

/**
 * The first argument of {@code JoinRoom}: a plain array of UUIDs, or an object {@code {"rooms":
 * [...], "token": "...", "since": "<id>"}}. The optional fields are checked here, the rooms by
 * {@link RoomRequest}; a field of the wrong type rejects the whole join (nothing done). An unknown
 * {@code since} text is accepted: it is a position that cannot be replayed ({@code resync}).
 *
 * @param rooms the rooms argument, for {@link RoomRequest#parse}
 * @param token the room token, or null
 * @param since the position after which to replay, or null for a plain join
 * @param error why the payload was rejected, or null
 */
record JoinPayload(JsonNode rooms, String token, Position since, String error) {

  static JoinPayload parse(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      return new JoinPayload(payload, null, null, null);
    }
    JsonNode rooms = payload.get("rooms");
    JsonNode token = payload.get("token");
    if (token != null && !token.isTextual()) {
      return rejected(rooms, "JoinRoom's token must be a string; nothing done");
    }
    JsonNode since = payload.get("since");
    if (since != null && !since.isTextual()) {
      return rejected(
          rooms, "JoinRoom's since must be a string (a change's meta.id); nothing done");
    }
    return new JoinPayload(
        rooms,
        token == null ? null : token.asText(),
        since == null ? null : Position.of(since.asText()),
        null);
  }

  private static JoinPayload rejected(JsonNode rooms, String error) {
    return new JoinPayload(rooms, null, null, error);
  }

  boolean valid() {
    return error == null;
  }
}
