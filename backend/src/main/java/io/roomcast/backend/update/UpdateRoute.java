package io.roomcast.backend.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.roomcast.backend.auth.DocumentAccess;
import io.roomcast.backend.http.JsonBodies;
import io.roomcast.backend.http.JsonReplies;
import io.roomcast.backend.http.UuidParams;
import io.roomcast.backend.json.JsonToBson;
import io.roomcast.backend.storage.UuidDocuments;
import io.roomcast.common.uuid.Uuids;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonValue;

/**
 * {@code POST /update} with {@code {"uuid": "...", "data": <any JSON>}}: sets the {@code data}
 * field of the document with that UUID, creating it if needed; without a uuid, a new random one is
 * used. Replies {@code {"uuid": "...", "created": true|false}} with 201 or 200.
 */
public final class UpdateRoute {
  public static final String PATH = "/update";
  static final String DATA_FIELD = "data";
  static final String UUID_KEY = "uuid";

  private final JsonBodies bodies;
  private final UuidDocuments documents;
  private final DocumentAccess access;

  public UpdateRoute(JsonBodies bodies, UuidDocuments documents, DocumentAccess access) {
    this.bodies = bodies;
    this.documents = documents;
    this.access = access;
  }

  public void handle(Context ctx) throws IOException {
    ObjectNode body = bodies.object(ctx);
    rejectUnknownFields(body);
    UUID uuid = uuidOf(body.get(UUID_KEY));
    if (body.hasNonNull(UUID_KEY)) {
      access.require(ctx, uuid);
    } else {
      access.requireNewDocument(ctx);
    }
    if (!body.has(DATA_FIELD)) {
      throw new BadRequestResponse("the body needs a \"data\" field (any JSON value)");
    }
    BsonValue data = JsonToBson.value(body.get(DATA_FIELD), "body.data");
    boolean created = documents.setField(uuid, DATA_FIELD, data);
    ObjectNode reply = JsonReplies.object();
    reply.put("uuid", Uuids.roomName(uuid));
    reply.put("created", created);
    JsonReplies.send(ctx, created ? HttpStatus.CREATED : HttpStatus.OK, reply);
  }

  private static void rejectUnknownFields(ObjectNode body) {
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      if (!UUID_KEY.equals(name) && !DATA_FIELD.equals(name)) {
        throw new BadRequestResponse(
            "unknown field \"" + name + "\" in the body; expected only \"uuid\" and \"data\"");
      }
    }
  }

  private static UUID uuidOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return UUID.randomUUID();
    }
    if (!value.isTextual()) {
      throw new BadRequestResponse("\"uuid\" must be a string (or left out for a new one)");
    }
    return UuidParams.parse(value.textValue(), "body.uuid");
  }
}
