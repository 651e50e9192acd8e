package io.roomcast.socket.stream;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads the replies to change-stream {@code aggregate} and {@code getMore} commands as the driver
 * receives them, because the Reactive Streams API does not expose what they carry: the cursor id of
 * a newly opened stream and the server's {@code postBatchResumeToken}, which moves on even when a
 * database is quiet. Each reply of a database-wide stream (namespace {@code <db>.$cmd.aggregate})
 * goes to the watcher of that database.
 */
final class CursorReplies implements CommandListener {
  private static final String DATABASE_STREAM_SUFFIX = ".$cmd.aggregate";

  private final Map<String, ChangeStreamWatcher> watchers = new ConcurrentHashMap<>();

  void register(String database, ChangeStreamWatcher watcher) {
    watchers.put(database, watcher);
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    String command = event.getCommandName();
    boolean opened = "aggregate".equals(command);
    if (!opened && !"getMore".equals(command)) {
      return;
    }
    BsonValue cursor = event.getResponse().get("cursor");
    if (cursor == null || !cursor.isDocument()) {
      return;
    }
    BsonDocument reply = cursor.asDocument();
    String ns = reply.getString("ns", new org.bson.BsonString("")).getValue();
    if (!ns.endsWith(DATABASE_STREAM_SUFFIX)) {
      return;
    }
    ChangeStreamWatcher watcher =
        watchers.get(ns.substring(0, ns.length() - DATABASE_STREAM_SUFFIX.length()));
    BsonValue id = reply.get("id");
    if (watcher == null || id == null || !id.isNumber()) {
      return;
    }
    long cursorId = id.asNumber().longValue();
    if (opened) {
      watcher.onCursorOpened(cursorId);
    }
    BsonValue batch = reply.get(opened ? "firstBatch" : "nextBatch");
    BsonValue token = reply.get("postBatchResumeToken");
    if (batch instanceof BsonArray events
        && events.isEmpty()
        && token != null
        && token.isDocument()) {
      watcher.onIdlePosition(cursorId, token.asDocument());
    }
  }
}
