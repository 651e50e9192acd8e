package io.roomcast.socket.stream;

import com.mongodb.event.CommandEvent;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
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
 * goes to the watcher of that database, which ignores those of any cursor but its current one.
 *
 * <p>It also counts the stream commands in flight: closing the client under a running {@code
 * getMore}, or under the {@code killCursors} the driver sends right after it for a cancelled
 * stream, makes the driver log an ERROR with a stack trace, so shutdown waits for them to end.
 */
final class CursorReplies implements CommandListener {
  private static final String DATABASE_STREAM_SUFFIX = ".$cmd.aggregate";
  private static final BsonString NO_NAMESPACE = new BsonString("");

  private final Map<String, ChangeStreamWatcher> watchers = new ConcurrentHashMap<>();
  private final Object inFlightLock = new Object();
  // Guarded by inFlightLock: stream commands running, and how many ever started.
  private int inFlight;
  private long started;

  void register(String database, ChangeStreamWatcher watcher) {
    watchers.put(database, watcher);
  }

  /**
   * Waits until no stream command has been in flight for {@code quiet} (a cancelled stream's last
   * {@code getMore} ends within the server's idle wait, and its {@code killCursors} follows at
   * once). Call only from a thread that is not the driver's.
   *
   * @return false if commands were still running at the timeout
   */
  boolean awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (inFlightLock) {
      while (true) {
        if (inFlight == 0) {
          long startedBefore = started;
          long quietEnd = Math.min(deadline, System.nanoTime() + quiet.toNanos());
          while (started == startedBefore && waitUntil(quietEnd)) {
            // woken by a start or an end, or spuriously: the loop checks again
          }
          if (started == startedBefore) {
            return true;
          }
        } else if (!waitUntil(deadline)) {
          return false;
        }
      }
    }
  }

  /** Waits on the lock until notified or the time; false once the time has come. */
  private boolean waitUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    inFlightLock.wait(Math.max(1, left / 1_000_000));
    return true;
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    if (isStreamCommand(event)) {
      synchronized (inFlightLock) {
        inFlight++;
        started++;
        inFlightLock.notifyAll();
      }
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

  private boolean isStreamCommand(CommandEvent event) {
    String command = event.getCommandName();
    return ("aggregate".equals(command)
            || "getMore".equals(command)
            || "killCursors".equals(command))
        && watchers.containsKey(event.getDatabaseName());
  }

  private void ended(CommandEvent event) {
    if (isStreamCommand(event)) {
      synchronized (inFlightLock) {
        inFlight = Math.max(0, inFlight - 1);
        inFlightLock.notifyAll();
      }
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
    if (opened) {
      watcher.onCursorOpened(cursorId);
    }
    ResumeTokens.idlePosition(reply).ifPresent(token -> watcher.onIdlePosition(cursorId, token));
  }
}
