package io.roomcast.backend.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.roomcast.backend.http.UuidParams;
import io.roomcast.backend.json.JsonToBson;
import io.roomcast.common.uuid.Uuids;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * The fields a PUT or PATCH body may write. The document's identity is the UUID in the path: the
 * body may repeat it in the UUID field (so a document read with GET can be sent back), but never
 * name another one, and never set {@code _id}.
 */
final class ResourceBodies {
  private final String uuidField;

  ResourceBodies(String uuidField) {
    this.uuidField = uuidField;
  }

  /** The body's fields as BSON without the UUID field; a 400 if they cannot be written. */
  BsonDocument fields(ObjectNode body, UUID pathUuid, boolean needsOne) {
    if (body.has("_id")) {
      throw new BadRequestResponse(
          "the body must not contain _id: documents are addressed by uuid");
    }
    JsonNode repeated = body.get(uuidField);
    if (repeated != null) {
      UUID bodyUuid =
          repeated.isTextual() ? UuidParams.parse(repeated.textValue(), "body." + uuidField) : null;
      if (!pathUuid.equals(bodyUuid)) {
        throw new BadRequestResponse(
            "body."
                + uuidField
                + " must be left out or equal the path's "
                + Uuids.roomName(pathUuid));
      }
    }
    BsonDocument fields = JsonToBson.document(body, "body");
    fields.remove(uuidField);
    if (needsOne && fields.isEmpty()) {
      throw new BadRequestResponse("the body must set at least one field");
    }
    return fields;
  }
}
