package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class ChangeEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String U = ChangeEvents.UUID;
  private static final String TOKEN =
      "8263515DA8000000012B022C0100296E5A10046B2C7F7A2D9F4B5E9C2E4C1F1E3D2A5B46645F6964006463515DA8B2A4A3C2D1E0F9A80004";

  private final ChangeEncoder encoder = new ChangeEncoder("uuid");

  private PreparedChange encode(String name) {
    BsonDocument event = ChangeEvents.load(name);
    return encoder.encode(event, ChangeRouter.collectionOf(event), UUID.fromString(U));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void insertSendsTheWholeDocumentWithBsonJsonMapping() throws Exception {
    PreparedChange change = encode("insert");
    assertEquals("test", change.event());
    assertEquals(U, change.room());
    assertEquals(
        json(
            "{\"_id\":\"63515da8b2a4a3c2d1e0f9a8\",\"uuid\":\""
                + U
                + "\",\"title\":\"first\",\"count\":42,\"price\":\"9.99\","
                + "\"at\":\"2022-10-20T14:39:36Z\"}"),
        json(change.bodyJson()));
    assertEquals(
        json(
            "{\"operationType\":\"insert\",\"id\":\""
                + TOKEN
                + "\",\"db\":\"app\",\"collection\":\"test\","
                + "\"documentKey\":{\"_id\":\"63515da8b2a4a3c2d1e0f9a8\"},"
                + "\"clusterTime\":{\"t\":1666276776,\"i\":1},\"wallTime\":\"2022-10-20T14:39:36.145Z\"}"),
        json(change.metaJson()));
  }

  @Test
  void updateSendsTheUpdatedFieldsPlusTheUuid() throws Exception {
    PreparedChange change = encode("update");
    assertEquals(
        json("{\"uuid\":\"" + U + "\",\"title\":\"second\",\"data.step\":2}"),
        json(change.bodyJson()));
    JsonNode meta = json(change.metaJson());
    assertEquals("update", meta.path("operationType").asText());
    assertEquals(json("[\"price\"]"), meta.path("removedFields"));
    assertEquals(
        true, meta.path("truncatedArrays").isMissingNode(), "empty truncatedArrays are left out");
  }

  @Test
  void updateOfADocumentDeletedSinceStillSendsItsFields() throws Exception {
    PreparedChange change = encode("update-deleted-since");
    assertEquals(json("{\"uuid\":\"" + U + "\",\"title\":\"third\"}"), json(change.bodyJson()));
    assertEquals(true, json(change.metaJson()).path("wallTime").isMissingNode());
  }

  @Test
  void replaceSendsTheNewDocument() throws Exception {
    PreparedChange change = encode("replace");
    assertEquals(
        json(
            "{\"_id\":\"63515da8b2a4a3c2d1e0f9a8\",\"uuid\":\"" + U + "\",\"title\":\"replaced\"}"),
        json(change.bodyJson()));
    assertEquals("replace", json(change.metaJson()).path("operationType").asText());
  }

  @Test
  void deleteSendsOnlyTheUuid() throws Exception {
    for (String name : new String[] {"delete-with-pre-image", "delete-uuid-in-document-key"}) {
      PreparedChange change = encode(name);
      assertEquals("{\"uuid\":\"" + U + "\"}", change.bodyJson());
      assertEquals("delete", json(change.metaJson()).path("operationType").asText());
    }
    assertEquals("sharded", encode("delete-uuid-in-document-key").event());
  }

  @Test
  void aStringUuidInAnyCaseReachesClientsInLowercase() throws Exception {
    PreparedChange change = encode("insert-string-uuid");
    assertEquals("notes", change.event());
    assertEquals(U, json(change.bodyJson()).path("uuid").asText());
  }

  @Test
  void theBodyUsesTheConfiguredFieldName() throws Exception {
    BsonDocument event = ChangeEvents.load("delete-with-pre-image");
    PreparedChange change = new ChangeEncoder("docId").encode(event, "test", UUID.fromString(U));
    assertEquals("{\"docId\":\"" + U + "\"}", change.bodyJson());
  }
}
