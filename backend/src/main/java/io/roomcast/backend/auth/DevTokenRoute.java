package io.roomcast.backend.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.roomcast.backend.http.JsonBodies;
import io.roomcast.backend.http.JsonReplies;
import io.roomcast.backend.http.UuidParams;
import io.roomcast.common.auth.TokenMinter;
import io.roomcast.common.uuid.Uuids;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /dev/token} {@code {"rooms": [...]}} (enabled by {@code DEV_TOKENS=true}, for local
 * development and the compose demo only): a short-lived HS256 token granting those rooms, as the
 * socket server's {@code ROOM_AUTH=jwt} verifies it. Replies {@code {"token": "...", "expiresAt":
 * "..."}}. In production, tokens come from the user's identity provider instead.
 */
public final class DevTokenRoute {
  public static final String PATH = "/dev/token";

  private final JsonBodies bodies;
  private final TokenMinter minter;
  private final Duration ttl;
  private final int maxRooms;

  public DevTokenRoute(JsonBodies bodies, TokenMinter minter, Duration ttl, int maxRooms) {
    this.bodies = bodies;
    this.minter = minter;
    this.ttl = ttl;
    this.maxRooms = maxRooms;
  }

  public void handle(Context ctx) throws IOException {
    ObjectNode body = bodies.object(ctx);
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (!"rooms".equals(field.getKey())) {
        throw new BadRequestResponse(
            "unknown field \"" + field.getKey() + "\" in the body; expected only \"rooms\"");
      }
    }
    JsonNode rooms = body.get("rooms");
    if (rooms == null || !rooms.isArray() || rooms.size() > maxRooms) {
      throw new BadRequestResponse(
          "\"rooms\" must be an array of at most " + maxRooms + " UUID strings");
    }
    Set<String> granted = new LinkedHashSet<>();
    for (JsonNode room : rooms) {
      if (!room.isTextual()) {
        throw new BadRequestResponse("\"rooms\" must hold UUID strings only");
      }
      granted.add(Uuids.roomName(UuidParams.parse(room.textValue(), "body.rooms")));
    }
    Instant expiresAt = Instant.now().plus(ttl);
    ObjectNode reply = JsonReplies.object();
    reply.put("token", minter.mint(granted, expiresAt));
    reply.put("expiresAt", expiresAt.toString());
    ctx.header("Cache-Control", "no-store");
    JsonReplies.send(ctx, HttpStatus.OK, reply);
  }
}
