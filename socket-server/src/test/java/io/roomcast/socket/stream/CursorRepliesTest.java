package io.roomcast.socket.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Which command replies move a stream's position: the driver's own event objects, shaped as the
 * server sends them, without a database.
 */
class CursorRepliesTest {
  private static final ConnectionDescription CONNECTION =
      new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress()));
  private static final String EARLIER = "{_data: '8200000001000000012B0429'}";
  private static final String LATER = "{_data: '8200000002000000012B0429'}";

  private final ChangeStreamWatcher watcher =
      new ChangeStreamWatcher(
          null, "app", event -> {}, (database, message) -> {}, (database, cause) -> {}, null);
  private final CursorReplies replies = new CursorReplies();

  CursorRepliesTest() {
    replies.register("app", watcher);
  }

  private void reply(String command, String cursor) {
    replies.commandSucceeded(
        new CommandSucceededEvent(
            null,
            1,
            1,
            CONNECTION,
            "app",
            command,
            BsonDocument.parse("{cursor: " + cursor + "}"),
            1));
  }

  private static String cursor(long id, String batch, String token) {
    String field = batch.startsWith("first") ? "firstBatch" : "nextBatch";
    String events = batch.endsWith("Empty") ? "[]" : "[{_id: " + EARLIER + "}]";
    return "{id: "
        + id
        + ", ns: 'app.$cmd.aggregate', "
        + field
        + ": "
        + events
        + ", postBatchResumeToken: "
        + token
        + "}";
  }

  @Test
  void emptyBatchesOfTheCurrentCursorMoveThePosition() {
    reply("aggregate", cursor(7, "firstEmpty", EARLIER));
    assertEquals(BsonDocument.parse(EARLIER), watcher.position());
    reply("getMore", cursor(7, "nextEmpty", LATER));
    assertEquals(BsonDocument.parse(LATER), watcher.position());
  }

  @Test
  void aBatchWithEventsDoesNotMoveThePositionAhead() {
    reply("aggregate", cursor(7, "firstEmpty", EARLIER));
    reply("getMore", cursor(7, "nextEvents", LATER)); // its events may not be handed on yet
    assertEquals(BsonDocument.parse(EARLIER), watcher.position());
  }

  @Test
  void aStaleCursorsLateReplyIsIgnored() {
    reply("aggregate", cursor(7, "firstEvents", EARLIER));
    reply("getMore", cursor(6, "nextEmpty", LATER)); // a replaced cursor answering late
    reply("getMore", cursor(0, "nextEmpty", LATER)); // a cursor the server closed
    assertNull(watcher.position());
  }

  @Test
  void otherDatabasesAndCollectionStreamsAreIgnored() {
    reply("aggregate", cursor(7, "firstEvents", EARLIER));
    String otherDatabase = cursor(7, "nextEmpty", LATER).replace("app.$cmd", "other.$cmd");
    reply("getMore", otherDatabase);
    reply("getMore", cursor(7, "nextEmpty", LATER).replace("app.$cmd.aggregate", "app.items"));
    assertNull(watcher.position());
  }

  @Test
  void closingWaitsUntilStreamCommandsHaveEnded() throws Exception {
    Duration quiet = Duration.ofMillis(10);
    assertTrue(replies.awaitQuiet(quiet, Duration.ofSeconds(5)));
    replies.commandStarted(
        new CommandStartedEvent(null, 1, 2, CONNECTION, "app", "getMore", new BsonDocument()));
    assertFalse(replies.awaitQuiet(quiet, Duration.ofMillis(50)), "a getMore is running");
    reply("getMore", cursor(7, "nextEmpty", LATER));
    assertTrue(replies.awaitQuiet(quiet, Duration.ofSeconds(5)));
    replies.commandStarted(
        new CommandStartedEvent(null, 1, 3, CONNECTION, "other", "getMore", new BsonDocument()));
    assertTrue(replies.awaitQuiet(quiet, Duration.ofSeconds(5)), "not a watched database");
  }
}
