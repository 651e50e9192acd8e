package io.roomcast.socket.stream;

import com.mongodb.event.CommandEvent;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Reads the replies to change-stream {@code aggregate} and {@code getMore} commands as the driver
 * receives them, because the Reactive Streams API does not expose what they carry: the cursor id of
 * a newly opened stream and the server's {@code postBatchResumeToken}, which moves on even when a
 * database is quiet. Each reply of a database-wide stream (namespace {@code <db>.$cmd.aggregate})
 * goes, as a message, to the owner of that database's stream, which ignores those of any cursor but
 * its current one. The starts and ends of its commands are counted for it (CommandsInFlight). Holds
 * no state but the routing table, filled before the first command.
 */
final class CursorReplies implements CommandListener {
  private static final String DATABASE_STREAM_SUFFIX = ".$cmd.aggregate";
  private static final BsonString NO_NAMESPACE = new BsonString("");

  private final Map<String, ChangeStreamWatcher> watchers = new ConcurrentHashMap<>();

  void register(ChangeStreamWatcher watcher) {
    watchers.put(watcher.database(), watcher);
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    ChangeStreamWatcher watcher = streamOf(event);
    if (watcher != null) {
      watcher.commandStarted();
    }
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    ended(event);
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    try {
      readReply(event);
    } finally {
      ended(event);
    }
  }

  private ChangeStreamWatcher streamOf(CommandEvent event) {
    String command = event.getCommandName();
    boolean streamCommand =
        "aggregate".equals(command) || "getMore".equals(command) || "killCursors".equals(command);
    return streamCommand ? watchers.get(event.getDatabaseName()) : null;
  }

  private void ended(CommandEvent event) {
    ChangeStreamWatcher watcher = streamOf(event);
    if (watcher != null) {
      watcher.commandEnded();
    }
  }

  private void readReply(CommandSucceededEvent event) {
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
    String ns = reply.getString("ns", NO_NAMESPACE).getValue();
    if (!ns.endsWith(DATABASE_STREAM_SUFFIX)) {
      return;
    }
    ChangeStreamWatcher watcher =
        watchers.get(ns.substring(0, ns.length() - DATABASE_STREAM_SUFFIX.length()));
    BsonValue id = reply.get("id");
    // Id 0: the server closed the cursor (invalidate); its reply says nothing about a live stream.
    if (watcher == null || id == null || !id.isNumber() || id.asNumber().longValue() == 0) {
      return;
    }
    long cursorId = id.asNumber().longValue();
    BsonDocument idle = ResumeTokens.idlePosition(reply).orElse(null);
    if (opened) {
      watcher.cursorOpened(cursorId, idle);
    } else if (idle != null) {
      watcher.idle(cursorId, idle);
    }
  }
}
