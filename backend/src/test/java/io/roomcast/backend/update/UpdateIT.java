package io.roomcast.backend.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.embedded.testing.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpdateIT {
  @RegisterExtension static final TestBackend BACKEND = TestBackend.perClass();

  private static BsonDocument stored(UUID uuid) {
    return BACKEND
        .collection("app", "test")
        .find(new BsonDocument("uuid", Uuids.toBinary(uuid)))
        .first();
  }

  @Test
  void createsThenUpdatesTheDocumentOfTheUuid() {
    UUID uuid = UUID.randomUUID();
    Http.Reply created =
        BACKEND.http().json("POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":{\"step\":1}}");
    assertEquals(201, created.status(), created.toString());
    assertEquals(uuid.toString(), created.json().path("uuid").asText());
    assertTrue(created.json().path("created").asBoolean());

    Http.Reply updated =
        BACKEND.http().json("POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":{\"step\":2}}");
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(false, updated.json().path("created").asBoolean());

    BsonDocument document = stored(uuid);
    assertEquals(BsonBinarySubType.UUID_STANDARD.getValue(), document.getBinary("uuid").getType());
    assertEquals(2, document.getDocument("data").getInt32("step").getValue());
  }

  @Test
  void anUppercaseUuidNamesTheSameDocumentAndIsAnsweredInLowercase() {
    UUID uuid = UUID.randomUUID();
    BACKEND.http().json("POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":1}");
    String upper = uuid.toString().toUpperCase(java.util.Locale.ROOT);
    Http.Reply reply =
        BACKEND.http().json("POST", "/update", "{\"uuid\":\"" + upper + "\",\"data\":2}");
    assertEquals(200, reply.status(), reply.toString());
    assertEquals(uuid.toString(), reply.json().path("uuid").asText());
  }

  @Test
  void withoutAUuidAFreshVersion4UuidIsUsed() {
    Http.Reply reply = BACKEND.http().json("POST", "/update", "{\"data\":[1,\"two\",null]}");
    assertEquals(201, reply.status(), reply.toString());
    UUID uuid = Uuids.parse(reply.json().path("uuid").asText()).orElseThrow();
    assertEquals(4, uuid.version());
    assertEquals(3, stored(uuid).getArray("data").size());
  }

  @Test
  void dataMayBeAnyJsonValue() {
    for (String data : List.of("\"text\"", "42", "3.5", "true", "null", "[]", "{}")) {
      Http.Reply reply = BACKEND.http().json("POST", "/update", "{\"data\":" + data + "}");
      assertEquals(201, reply.status(), data + " -> " + reply);
    }
  }

  @Test
  void aUtf8BodyWithCharsetParameterIsAccepted() {
    Http.Reply reply =
        BACKEND
            .http()
            .send(
                "POST",
                "/update",
                "application/json; charset=utf-8",
                "{\"data\":{\"name\":\"Zoë ✓\"}}".getBytes(StandardCharsets.UTF_8));
    assertEquals(201, reply.status(), reply.toString());
    UUID uuid = UUID.fromString(reply.json().path("uuid").asText());
    assertEquals("Zoë ✓", stored(uuid).getDocument("data").getString("name").getValue());
  }

  @Test
  void aBodyExactlyAtTheLimitIsAccepted() {
    String prefix = "{\"data\":\"";
    String suffix = "\"}";
    int fill = 65_536 - prefix.length() - suffix.length();
    Http.Reply reply = BACKEND.http().json("POST", "/update", prefix + "x".repeat(fill) + suffix);
    assertEquals(201, reply.status(), reply.toString());
  }
}
