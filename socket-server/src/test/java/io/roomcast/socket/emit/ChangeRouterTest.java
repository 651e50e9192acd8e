package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeRouterTest {
  private final ChangeRouter router = new ChangeRouter("uuid");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "insert",
        "update",
        "replace",
        "update-deleted-since",
        "delete-with-pre-image",
        "delete-uuid-in-document-key",
        "insert-string-uuid"
      })
  void findsTheUuidWhereverTheEventCarriesIt(String event) {
    assertEquals(
        Optional.of(UUID.fromString(ChangeEvents.UUID)), router.uuidOf(ChangeEvents.load(event)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"delete-without-pre-image", "insert-without-uuid", "drop"})
  void findsNoUuidWhenTheEventHasNone(String event) {
    assertTrue(router.uuidOf(ChangeEvents.load(event)).isEmpty());
  }

  @Test
  void readsTheConfiguredField() {
    BsonDocument event = ChangeEvents.load("insert");
    event
        .getDocument("fullDocument")
        .put("docId", event.getDocument("fullDocument").remove("uuid"));
    assertTrue(router.uuidOf(event).isEmpty());
    assertEquals(
        ChangeEvents.UUID, new ChangeRouter("docId").uuidOf(event).orElseThrow().toString());
  }

  @Test
  void prefersTheDocumentAfterTheChange() {
    BsonDocument event = ChangeEvents.load("update");
    event.put(
        "fullDocumentBeforeChange",
        BsonDocument.parse("{uuid: '00000000-0000-4000-8000-000000000001'}"));
    assertEquals(ChangeEvents.UUID, router.uuidOf(event).orElseThrow().toString());
  }

  @Test
  void namesTheCollectionOrNoneForDatabaseEvents() {
    assertEquals("test", ChangeRouter.collectionOf(ChangeEvents.load("insert")));
    assertNull(
        ChangeRouter.collectionOf(
            BsonDocument.parse("{operationType: 'dropDatabase', ns: {db: 'app'}}")));
    assertNull(ChangeRouter.collectionOf(BsonDocument.parse("{operationType: 'invalidate'}")));
  }
}
