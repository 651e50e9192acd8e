package io.roomcast.socket.rooms;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.auth.JwtAuthorizer;
import io.roomcast.socket.auth.RoomAuth;

/**
 * {@code Authenticate} {@code {"token": "..."}}: adds a new token's grants to the connection (to
 * join more rooms, or to stay in rooms whose grant is about to end). Answers {@code {"ok":true}} or
 * {@code {"ok":false,"error":"unauthorized","reason":...}}.
 */
final class TokenEvents {
  private final RoomAuth auth;

  TokenEvents(RoomAuth auth) {
    this.auth = auth;
  }

  void authenticate(SocketIOClient client, JsonNode payload, AckRequest ack) {
    JwtAuthorizer jwt = auth.jwt();
    JsonNode token = payload == null ? null : payload.get("token");
    if (jwt == null) {
      reply(client, ack, failure("no tokens are used with ROOM_AUTH=" + auth.mode(), null));
      return;
    }
    if (token == null || !token.isTextual()) {
      reply(client, ack, failure("Authenticate expects {\"token\": \"...\"}", null));
      return;
    }
    ConnectionGrants grants = ConnectionGrants.of(client);
    String refusal = jwt.addToken(client, grants, token.asText());
    if (refusal != null) {
      reply(client, ack, failure("unauthorized", refusal));
      return;
    }
    synchronized (grants) {
      auth.expiry().reschedule(client, grants);
    }
    reply(client, ack, JsonNodeFactory.instance.objectNode().put("ok", true));
  }

  private static ObjectNode failure(String error, String reason) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode().put("ok", false).put("error", error);
    if (reason != null) {
      reply.put("reason", reason);
    }
    return reply;
  }

  private static void reply(SocketIOClient client, AckRequest ack, ObjectNode reply) {
    if (reply.path("ok").asBoolean() || ack.isAckRequested()) {
      ack.sendAckData(reply);
    } else {
      RoomProtocol.reject(client, ack, RoomProtocol.AUTHENTICATE, reply);
    }
  }
}
