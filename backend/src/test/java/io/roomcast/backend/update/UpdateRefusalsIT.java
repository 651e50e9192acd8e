package io.roomcast.backend.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refused POST /update: the status, the error text, and a database left as it was. */
class UpdateRefusalsIT {
  private static final String EXISTING = UUID.randomUUID().toString();
  @RegisterExtension static final TestBackend BACKEND = TestBackend.perClass();
  private List<BsonDocument> before;

  @BeforeAll
  static void seed() {
    BACKEND
        .http()
        .json("POST", "/update", "{\"uuid\":\"" + EXISTING + "\",\"data\":{\"kept\":true}}");
  }

  @BeforeEach
  void snapshot() {
    before = BACKEND.contents("app", "test");
  }

  private void assertRefused(int status, String error, Supplier<Http.Reply> request) {
    Http.Reply reply = request.get();
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(error, reply.error(), reply.toString());
    assertEquals("application/json", reply.header("Content-Type").orElse("").split(";")[0]);
    assertEquals(before, BACKEND.contents("app", "test"), "the database is unchanged");
  }

  private void assertRefused(int status, String error, String body) {
    assertRefused(status, error, () -> BACKEND.http().json("POST", "/update", body));
  }

  @Test
  void malformedJson() {
    assertRefused(
        400,
        "malformed JSON: Unexpected end-of-input: expected close marker for Object"
            + " (line 1, column 10)",
        "{\"data\":1");
  }

  @Test
  void trailingGarbageAfterTheObject() {
    assertRefused(
        400,
        "malformed JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array,"
            + " Object or token 'null', 'true' or 'false') (line 1, column 12)",
        "{\"data\":1} x");
    assertRefused(
        400,
        "malformed JSON: Trailing token (of type START_OBJECT) found after value (bound as"
            + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
            + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS` (line 1, column 12)",
        "{\"data\":1} {}");
  }

  @Test
  void duplicateNames() {
    assertRefused(
        400,
        "malformed JSON: Duplicate field 'data' (line 1, column 17)",
        "{\"data\":1,\"data\":2}");
  }

  @Test
  void anEmptyBody() {
    assertRefused(400, "the request body is empty; send a JSON object", "");
  }

  @Test
  void aBodyThatIsNotAnObject() {
    assertRefused(400, "the request body must be a JSON object", "[{\"data\":1}]");
    assertRefused(400, "the request body must be a JSON object", "\"data\"");
  }

  @Test
  void anInvalidUuid() {
    String expected =
        "invalid UUID in body.uuid: expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            + " (hexadecimal)";
    assertRefused(400, expected, "{\"uuid\":\"not-a-uuid\",\"data\":1}");
    assertRefused(400, expected, "{\"uuid\":\"1-2-3-4-5\",\"data\":1}");
    assertRefused(400, expected, "{\"uuid\":\"" + EXISTING + " \",\"data\":1}");
    assertRefused(
        400, "\"uuid\" must be a string (or left out for a new one)", "{\"uuid\":12,\"data\":1}");
  }

  /** Digits and letters UUID.fromString would take as hex: fullwidth, Arabic-Indic. */
  @Test
  void aUuidWithNonAsciiDigits() {
    String expected =
        "invalid UUID in body.uuid: expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            + " (hexadecimal)";
    String uuid = "3b241101-e2bb-4255-8caf-4136c566a962";
    for (String odd : new String[] {"\uff13", "\u0663", "\uff42", "\uff22"}) {
      String text = odd + uuid.substring(1);
      assertRefused(400, expected, "{\"uuid\":\"" + text + "\",\"data\":1}");
    }
  }

  @Test
  void emptyAndDollarOrDotLeadingNamesInData() {
    assertRefused(
        400,
        "field name '' in body.data must not be empty",
        "{\"uuid\":\"" + EXISTING + "\",\"data\":{\"\":1}}");
    assertRefused(
        400,
        "field name '$' in body.data.a must not start with '$'",
        "{\"data\":{\"a\":{\"$\":1}}}");
    assertRefused(
        400, "field name '.x' in body.data[0] must not contain '.'", "{\"data\":[{\".x\":1}]}");
    assertRefused(
        400,
        "unknown field \"\" in the body; expected only \"uuid\" and \"data\"",
        "{\"\":1,\"data\":1}");
  }

  @Test
  void missingDataOrUnknownFields() {
    assertRefused(
        400, "the body needs a \"data\" field (any JSON value)", "{\"uuid\":\"" + EXISTING + "\"}");
    assertRefused(
        400,
        "unknown field \"$set\" in the body; expected only \"uuid\" and \"data\"",
        "{\"uuid\":\"" + EXISTING + "\",\"$set\":{\"data\":0}}");
  }

  @Test
  void operatorNamesAnywhereInData() {
    assertRefused(
        400,
        "field name '$set' in body.data must not start with '$'",
        "{\"uuid\":\"" + EXISTING + "\",\"data\":{\"$set\":{\"kept\":false}}}");
    assertRefused(
        400,
        "field name '$where' in body.data.a[1].b[0] must not start with '$'",
        "{\"data\":{\"a\":[1,{\"b\":[{\"$where\":\"sleep(1)\"}]}]}}");
  }

  @Test
  void dottedAndNulNamesAnywhereInData() {
    assertRefused(
        400,
        "field name 'kept.x' in body.data must not contain '.'",
        "{\"uuid\":\"" + EXISTING + "\",\"data\":{\"kept.x\":1}}");
    assertRefused(
        400,
        "field name 'a\\u0000' in body.data[0] must not contain the NUL character",
        "{\"data\":[{\"a\\u0000\":1}]}");
  }

  @Test
  void aBodyOverTheLimitWithContentLength() {
    String body = "{\"data\":\"" + "x".repeat(70_000) + "\"}";
    assertRefused(413, "the request body is larger than 65536 bytes", body);
  }

  @Test
  void aHugeAnnouncedBodyIsRefusedBeforeItIsSent() {
    String status =
        RawHttp.statusLineForAnnouncedBody(BACKEND.http().baseUrl(), "/update", 5L * 1024 * 1024);
    assertTrue(status.startsWith("HTTP/1.1 413 "), status);
    assertEquals(before, BACKEND.contents("app", "test"));
  }

  @Test
  void aChunkedBodyOverTheLimit() {
    String body = "{\"data\":\"" + "x".repeat(70_000) + "\"}";
    assertRefused(
        413,
        "the request body is larger than 65536 bytes",
        () -> BACKEND.http().chunkedJson("POST", "/update", body));
  }

  @Test
  void aContentTypeOtherThanJson() {
    byte[] body = "{\"data\":1}".getBytes(StandardCharsets.UTF_8);
    assertRefused(
        415,
        "Content-Type must be application/json, not text/plain",
        () -> BACKEND.http().send("POST", "/update", "text/plain", body));
    assertRefused(
        415,
        "Content-Type must be application/json, not application/x-www-form-urlencoded",
        () -> BACKEND.http().send("POST", "/update", "application/x-www-form-urlencoded", body));
    assertRefused(
        415,
        "Content-Type must be application/json",
        () -> BACKEND.http().send("POST", "/update", null, body));
  }
}
