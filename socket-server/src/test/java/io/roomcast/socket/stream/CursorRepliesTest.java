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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
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

  private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
  private final ChangeStreamWatcher watcher =
      new ChangeStreamWatcher(
          null,
          "app",
          (database, event, handled) -> handled.run(),
          (database, message) -> {},
          (database, cause) -> {},
          owner);
  private final CursorReplies replies = new CursorReplies();

  CursorRepliesTest() {
    replies.register(watcher);
  }

  @AfterEach
  void stopOwner() {
    owner.shutdownNow();
  }

  /** The owner has handled every message sent so far (it runs them in order). */
  private BsonDocument position() throws Exception {
    owner.submit(() -> {}).get(5, TimeUnit.SECONDS);
    return watcher.position();
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
  void emptyBatchesOfTheCurrentCursorMoveThePosition() throws Exception {
    reply("aggregate", cursor(7, "firstEmpty", EARLIER));
    assertEquals(BsonDocument.parse(EARLIER), position());
    reply("getMore", cursor(7, "nextEmpty", LATER));
    assertEquals(BsonDocument.parse(LATER), position());
  }

  @Test
  void aBatchWithEventsDoesNotMoveThePositionAhead() throws Exception {
    reply("aggregate", cursor(7, "firstEmpty", EARLIER));
    reply("getMore", cursor(7, "nextEvents", LATER)); // its events may not be handed on yet
    assertEquals(BsonDocument.parse(EARLIER), position());
  }

  @Test
  void aStaleCursorsLateReplyIsIgnored() throws Exception {
    reply("aggregate", cursor(7, "firstEvents", EARLIER));
    reply("getMore", cursor(6, "nextEmpty", LATER)); // a replaced cursor answering late
    reply("getMore", cursor(0, "nextEmpty", LATER)); // a cursor the server closed
    assertNull(position());
  }

  @Test
  void otherDatabasesAndCollectionStreamsAreIgnored() throws Exception {
    reply("aggregate", cursor(7, "firstEvents", EARLIER));
    String otherDatabase = cursor(7, "nextEmpty", LATER).replace("app.$cmd", "other.$cmd");
    reply("getMore", otherDatabase);
    reply("getMore", cursor(7, "nextEmpty", LATER).replace("app.$cmd.aggregate", "app.items"));
    assertNull(position());
  }

  @Test
  void closingWaitsUntilStreamCommandsHaveEnded() throws Exception {
    replies.commandStarted(
        new CommandStartedEvent(null, 1, 2, CONNECTION, "app", "getMore", new BsonDocument()));
    CompletableFuture<Void> quiet = watcher.close();
    position(); // the owner has handled the close
    assertFalse(quiet.isDone(), "a getMore is running");
    reply("getMore", cursor(7, "nextEmpty", LATER));
    quiet.get(5, TimeUnit.SECONDS); // ended, then quiet for a while
    assertTrue(quiet.isDone());
  }

  @Test
  void commandsOfOtherDatabasesDoNotKeepAStreamBusy() throws Exception {
    replies.commandStarted(
        new CommandStartedEvent(null, 1, 3, CONNECTION, "other", "getMore", new BsonDocument()));
    watcher.close().get(5, TimeUnit.SECONDS);
  }
}
