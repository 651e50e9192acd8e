package io.roomcast.backend.resource;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.roomcast.backend.auth.DocumentAccess;
import io.roomcast.backend.http.JsonBodies;
import io.roomcast.backend.http.JsonReplies;
import io.roomcast.backend.http.UuidParams;
import io.roomcast.backend.storage.Namespace;
import io.roomcast.backend.storage.UuidDocuments;
import io.roomcast.common.json.BsonJson;
import io.roomcast.common.uuid.Uuids;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * {@code /api/{db}/{collection}/{uuid}}: read, replace-or-create, merge into and delete the
 * document with that UUID, in the collections of API_COLLECTIONS only. Documents are returned as
 * {@link BsonJson} maps them, without {@code _id}.
 */
public final class ResourceRoutes {
  public static final String PATH = "/api/{db}/{collection}/{uuid}";

  private final JsonBodies bodies;
  private final Map<Namespace, UuidDocuments> allowed;
  private final ResourceBodies resourceBodies;
  private final DocumentAccess access;

  public ResourceRoutes(
      JsonBodies bodies,
      Map<Namespace, UuidDocuments> allowed,
      String uuidField,
      DocumentAccess access) {
    this.bodies = bodies;
    this.allowed = Map.copyOf(allowed);
    this.resourceBodies = new ResourceBodies(uuidField);
    this.access = access;
  }

  public void install(RoutesConfig routes) {
    routes.get(PATH, this::read);
    routes.put(PATH, this::replace);
    routes.patch(PATH, this::merge);
    routes.delete(PATH, this::delete);
  }

  private void read(Context ctx) {
    Target target = target(ctx);
    BsonDocument document =
        target.documents().find(target.uuid()).orElseThrow(() -> missing(target));
    JsonReplies.send(ctx, HttpStatus.OK, BsonJson.toJson(document));
  }

  private void replace(Context ctx) throws IOException {
    Target target = target(ctx);
    BsonDocument fields = resourceBodies.fields(bodies.object(ctx), target.uuid(), false);
    boolean created = target.documents().replace(target.uuid(), fields);
    sendCurrent(ctx, target, created ? HttpStatus.CREATED : HttpStatus.OK);
  }

  private void merge(Context ctx) throws IOException {
    Target target = target(ctx);
    BsonDocument fields = resourceBodies.fields(bodies.object(ctx), target.uuid(), true);
    if (!target.documents().merge(target.uuid(), fields)) {
      throw missing(target);
    }
    sendCurrent(ctx, target, HttpStatus.OK);
  }

  private void delete(Context ctx) {
    Target target = target(ctx);
    if (!target.documents().delete(target.uuid())) {
      throw missing(target);
    }
    JsonReplies.send(
        ctx,
        HttpStatus.OK,
        JsonReplies.object().put("uuid", Uuids.roomName(target.uuid())).put("deleted", true));
  }

  /** Replies with the document as stored now; a concurrent delete makes that a 404. */
  private void sendCurrent(Context ctx, Target target, HttpStatus status) {
    BsonDocument document =
        target.documents().find(target.uuid()).orElseThrow(() -> missing(target));
    JsonReplies.send(ctx, status, BsonJson.toJson(document));
  }

  /** The collection (404 unless allowed) and the UUID (400 unless valid), checked in that order. */
  private Target target(Context ctx) {
    String db = ctx.pathParam("db");
    String collection = ctx.pathParam("collection");
    UuidDocuments documents =
        Namespace.of(db, collection)
            .map(allowed::get)
            .orElseThrow(
                () ->
                    new NotFoundResponse(
                        "collection " + db + "." + collection + " is not served by this API"));
    Namespace namespace = new Namespace(db, collection);
    UUID uuid = UuidParams.parse(ctx.pathParam("uuid"), "the path");
    access.require(ctx, uuid);
    return new Target(namespace, uuid, documents);
  }

  private static NotFoundResponse missing(Target target) {
    return new NotFoundResponse(
        "no document with uuid " + Uuids.roomName(target.uuid()) + " in " + target.namespace());
  }

  private record Target(Namespace namespace, UUID uuid, UuidDocuments documents) {}
}
