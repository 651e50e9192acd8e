package io.roomcast.embedded.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.ChangeStreamPublisher;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.roomcast.embedded.testing.StreamRecorder;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** resumeAfter, startAfter and startAtOperationTime replay from the right event. */
abstract class ResumeContract extends ContractSupport {

  @Test
  void resumeAfterAndStartAfterContinueAfterTheTokenAndStartAtOperationTimeAtIt() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    List<ChangeStreamDocument<Document>> original;
    try (PrimedRecorder<Document> stream = ready(items.watch(), items)) {
      for (int i = 1; i <= 5; i++) {
        insert(items, new Document("_id", "d" + i));
      }
      original = stream.awaitEvents(5);
    }
    ChangeStreamDocument<Document> second = original.get(1);
    assertEquals(
        List.of("d3", "d4", "d5"), replay(items.watch().resumeAfter(second.getResumeToken()), 3));
    assertEquals(
        List.of("d3", "d4", "d5"), replay(items.watch().startAfter(second.getResumeToken()), 3));
    assertEquals(
        List.of("d2", "d3", "d4", "d5"),
        replay(items.watch().startAtOperationTime(second.getClusterTime()), 4));
  }

  @Test
  void startAfterAnInvalidateContinuesAfterTheDrop() {
    MongoCollection<Document> items = freshDatabase().getCollection("items");
    ChangeStreamDocument<Document> invalidate;
    try (PrimedRecorder<Document> stream = ready(items.watch(), items)) {
      insert(items, new Document("_id", "before"));
      sync(items.drop());
      invalidate = stream.awaitEvents(3).get(2);
    }
    insert(items, new Document("_id", "after"));
    assertEquals(
        List.of("after"), replay(items.watch().startAfter(invalidate.getResumeToken()), 1));
  }

  /** The first {@code count} document ids a fresh stream reports (primes are not needed here). */
  private static List<String> replay(ChangeStreamPublisher<Document> publisher, int count) {
    try (StreamRecorder<ChangeStreamDocument<Document>> recorder =
        StreamRecorder.record(publisher)) {
      await().atMost(WAIT).until(() -> recorder.items().size() >= count);
      return recorder.items().stream()
          .limit(count)
          .map(e -> e.getDocumentKey().getString("_id").getValue())
          .toList();
    }
  }
}
