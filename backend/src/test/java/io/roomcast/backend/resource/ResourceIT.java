package io.roomcast.backend.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.embedded.testing.Http;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResourceIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static final TestBackend BACKEND =
      TestBackend.perClass(Map.of("API_COLLECTIONS", "app.test,shop.orders"));

  private static String path(String namespace, UUID uuid) {
    return "/api/" + namespace.replace('.', '/') + "/" + uuid;
  }

  private static BsonDocument stored(String db, String collection, UUID uuid) {
    return BACKEND
        .collection(db, collection)
        .find(new BsonDocument("uuid", Uuids.toBinary(uuid)))
        .first();
  }

  @Test
  void putCreatesThenReplacesAndGetReadsItBack() throws Exception {
    UUID uuid = UUID.randomUUID();
    String path = path("shop.orders", uuid);
    Http.Reply created =
        BACKEND.http().json("PUT", path, "{\"item\":\"tea\",\"qty\":2,\"tags\":[\"a\"]}");
    assertEquals(201, created.status(), created.toString());
    assertEquals(
        MAPPER.readTree("{\"uuid\":\"" + uuid + "\",\"item\":\"tea\",\"qty\":2,\"tags\":[\"a\"]}"),
        created.json());

    Http.Reply replaced = BACKEND.http().json("PUT", path, "{\"item\":\"coffee\"}");
    assertEquals(200, replaced.status(), replaced.toString());
    assertEquals(
        MAPPER.readTree("{\"uuid\":\"" + uuid + "\",\"item\":\"coffee\"}"), replaced.json());

    Http.Reply read = BACKEND.http().get(path);
    assertEquals(200, read.status(), read.toString());
    assertEquals(replaced.json(), read.json());
    assertFalse(stored("shop", "orders", uuid).containsKey("qty"), "replace drops old fields");
  }

  @Test
  void aDocumentReadWithGetCanBePutBackAsItIs() {
    UUID uuid = UUID.randomUUID();
    BACKEND.http().json("PUT", path("app.test", uuid), "{\"n\":1}");
    String document = BACKEND.http().get(path("app.test", uuid)).body();
    Http.Reply reply = BACKEND.http().json("PUT", path("app.test", uuid), document);
    assertEquals(200, reply.status(), reply.toString());
  }

  @Test
  void patchSetsTopLevelFieldsOfAnExistingDocument() throws Exception {
    UUID uuid = UUID.randomUUID();
    BACKEND.http().json("PUT", path("app.test", uuid), "{\"a\":1,\"nested\":{\"x\":1,\"y\":2}}");
    Http.Reply patched =
        BACKEND.http().json("PATCH", path("app.test", uuid), "{\"b\":2,\"nested\":{\"x\":9}}");
    assertEquals(200, patched.status(), patched.toString());
    assertEquals(
        MAPPER.readTree("{\"uuid\":\"" + uuid + "\",\"a\":1,\"nested\":{\"x\":9},\"b\":2}"),
        patched.json());
  }

  @Test
  void deleteRemovesTheDocument() {
    UUID uuid = UUID.randomUUID();
    BACKEND.http().json("PUT", path("app.test", uuid), "{\"a\":1}");
    Http.Reply deleted = BACKEND.http().send("DELETE", path("app.test", uuid), null, null);
    assertEquals(200, deleted.status(), deleted.toString());
    assertEquals(uuid.toString(), deleted.json().path("uuid").asText());
    assertNull(stored("app", "test", uuid));
  }

  @Test
  void documentsWrittenByUpdateAreReadableThroughTheApi() {
    UUID uuid = UUID.randomUUID();
    BACKEND.http().json("POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":{\"k\":\"v\"}}");
    Http.Reply read = BACKEND.http().get(path("app.test", uuid));
    assertEquals(200, read.status(), read.toString());
    assertEquals("v", read.json().path("data").path("k").asText());
  }
}
