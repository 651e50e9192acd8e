package io.roomcast.backend.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refused REST request: the status, the error text, and a database left as it was. */
class ResourceRefusalsIT {
  private static final UUID EXISTING = UUID.randomUUID();
  private static final String EXISTING_PATH = "/api/app/test/" + EXISTING;
  @RegisterExtension static final TestBackend BACKEND = TestBackend.perClass();
  private List<BsonDocument> before;
  private List<BsonDocument> otherBefore;

  @BeforeAll
  static void seed() {
    BACKEND.http().json("PUT", EXISTING_PATH, "{\"kept\":true}");
    BACKEND.collection("app", "other").insertOne(BsonDocument.parse("{\"untouched\": true}"));
  }

  @BeforeEach
  void snapshot() {
    before = BACKEND.contents("app", "test");
    otherBefore = BACKEND.contents("app", "other");
  }

  private void assertRefused(int status, String error, Supplier<Http.Reply> request) {
    Http.Reply reply = request.get();
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(error, reply.error(), reply.toString());
    assertEquals(before, BACKEND.contents("app", "test"), "app.test is unchanged");
    assertEquals(otherBefore, BACKEND.contents("app", "other"), "app.other is unchanged");
  }

  @Test
  void collectionsOffTheAllowListAreNotFoundForEveryMethod() {
    String path = "/api/app/other/" + EXISTING;
    String error = "collection app.other is not served by this API";
    assertRefused(404, error, () -> BACKEND.http().get(path));
    assertRefused(404, error, () -> BACKEND.http().json("PUT", path, "{\"a\":1}"));
    assertRefused(404, error, () -> BACKEND.http().json("PATCH", path, "{\"a\":1}"));
    assertRefused(404, error, () -> BACKEND.http().send("DELETE", path, null, null));
    assertRefused(
        404,
        "collection admin.system.users is not served by this API",
        () -> BACKEND.http().get("/api/admin/system.users/" + EXISTING));
  }

  @Test
  void anInvalidUuidInThePath() {
    String error =
        "invalid UUID in the path: expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            + " (hexadecimal)";
    assertRefused(400, error, () -> BACKEND.http().get("/api/app/test/12345"));
    assertRefused(400, error, () -> BACKEND.http().json("PUT", "/api/app/test/zzz", "{\"a\":1}"));
    assertRefused(
        400, error, () -> BACKEND.http().send("DELETE", "/api/app/test/1-2-3-4-5", null, null));
  }

  /** Non-ASCII digits and letters Character.digit reads as hex, percent-encoded as UTF-8. */
  @Test
  void aUuidWithNonAsciiDigitsInThePathOrBody() {
    String error =
        "invalid UUID in the path: expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            + " (hexadecimal)";
    String rest = EXISTING.toString().substring(1);
    for (String odd : new String[] {"%EF%BC%93", "%D9%A3", "%EF%BD%82"}) {
      String path = "/api/app/test/" + odd + rest;
      assertRefused(400, error, () -> BACKEND.http().get(path));
      assertRefused(400, error, () -> BACKEND.http().json("PUT", path, "{\"a\":1}"));
      assertRefused(400, error, () -> BACKEND.http().send("DELETE", path, null, null));
    }
    String fullwidth = "\uff13" + EXISTING.toString().substring(1);
    assertRefused(
        400,
        "invalid UUID in body.uuid: expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            + " (hexadecimal)",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"uuid\":\"" + fullwidth + "\"}"));
  }

  @Test
  void emptyAndDollarOrDotLeadingNames() {
    assertRefused(
        400,
        "field name '' in body must not be empty",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"\":1}"));
    assertRefused(
        400,
        "field name '' in body.a must not be empty",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"a\":{\"\":1}}"));
    assertRefused(
        400,
        "field name '$' in body must not start with '$'",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"$\":1}"));
    assertRefused(
        400,
        "field name '.kept' in body must not contain '.'",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\".kept\":1}"));
  }

  @Test
  void missingDocuments() {
    UUID absent = UUID.randomUUID();
    String error = "no document with uuid " + absent + " in app.test";
    assertRefused(404, error, () -> BACKEND.http().get("/api/app/test/" + absent));
    assertRefused(
        404, error, () -> BACKEND.http().json("PATCH", "/api/app/test/" + absent, "{\"a\":1}"));
    assertRefused(
        404, error, () -> BACKEND.http().send("DELETE", "/api/app/test/" + absent, null, null));
  }

  @Test
  void bodiesThatWouldChangeTheIdentity() {
    assertRefused(
        400,
        "the body must not contain _id: documents are addressed by uuid",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"_id\":\"x\",\"a\":1}"));
    String other = UUID.randomUUID().toString();
    assertRefused(
        400,
        "body.uuid must be left out or equal the path's " + EXISTING,
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"uuid\":\"" + other + "\"}"));
    assertRefused(
        400,
        "body.uuid must be left out or equal the path's " + EXISTING,
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"uuid\":7}"));
  }

  @Test
  void operatorAndDottedNames() {
    assertRefused(
        400,
        "field name '$set' in body must not start with '$'",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"$set\":{\"kept\":false}}"));
    assertRefused(
        400,
        "field name '$inc' in body.list[0] must not start with '$'",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"list\":[{\"$inc\":{\"n\":1}}]}"));
    assertRefused(
        400,
        "field name 'kept.deep' in body must not contain '.'",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"kept.deep\":false}"));
  }

  @Test
  void emptyPatchAndNonObjectBodies() {
    assertRefused(
        400,
        "the body must set at least one field",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{}"));
    assertRefused(
        400,
        "the body must set at least one field",
        () -> BACKEND.http().json("PATCH", EXISTING_PATH, "{\"uuid\":\"" + EXISTING + "\"}"));
    assertRefused(
        400,
        "the request body must be a JSON object",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "[1,2]"));
    assertRefused(
        400,
        "malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote to"
            + " start field name (line 1, column 8)",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, "{\"a\":1,}"));
  }

  @Test
  void wrongContentTypeAndOversizedBodies() {
    assertRefused(
        415,
        "Content-Type must be application/json, not text/plain",
        () ->
            BACKEND
                .http()
                .send(
                    "PUT",
                    EXISTING_PATH,
                    "text/plain",
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    String big = "{\"a\":\"" + "x".repeat(70_000) + "\"}";
    assertRefused(
        413,
        "the request body is larger than 65536 bytes",
        () -> BACKEND.http().json("PUT", EXISTING_PATH, big));
    assertRefused(
        413,
        "the request body is larger than 65536 bytes",
        () -> BACKEND.http().chunkedJson("PATCH", EXISTING_PATH, big));
  }
}
