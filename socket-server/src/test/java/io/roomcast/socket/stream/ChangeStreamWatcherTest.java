package io.roomcast.socket.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The resume position kept from post-batch tokens, without a database. */
class ChangeStreamWatcherTest {
  private static final BsonDocument EARLIER = ResumeTokens.fromData("8200000001000000012B0429");
  private static final BsonDocument LATER = ResumeTokens.fromData("8200000002000000012B0429");

  private final ChangeStreamWatcher watcher =
      new ChangeStreamWatcher(null, "app", event -> {}, (database, message) -> {}, null);

  @Test
  void emptyBatchesOfTheCurrentCursorMoveThePosition() {
    watcher.onCursorOpened(7);
    watcher.onIdlePosition(7, EARLIER);
    assertEquals(EARLIER, watcher.position());
    watcher.onIdlePosition(7, LATER);
    assertEquals(LATER, watcher.position());
  }

  @Test
  void repliesOfAnotherCursorAreIgnored() {
    watcher.onCursorOpened(7);
    watcher.onIdlePosition(6, EARLIER); // a late reply of a cursor that was replaced
    assertNull(watcher.position());
  }
}
