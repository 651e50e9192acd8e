package io.roomcast.socket.stream;

import java.time.Instant;
import org.bson.BsonDocument;

/**
 * Where one stream is: the token to resume from, whether only {@code startAfter} may use it (after
 * an invalidate), the cursor that is current, and the time up to which every change has been handed
 * on. Plain fields: only the stream's owner thread reads and writes them.
 */
final class StreamPosition {
  /** The server's id for "no cursor"; a closed cursor's replies carry it too, and are ignored. */
  static final long NO_CURSOR = 0;

  BsonDocument token;
  boolean startAfter;
  long cursorId = NO_CURSOR;
  Instant caughtUpTo;

  /** The stream handed on an event: resume after it. */
  void passed(BsonDocument event, boolean invalidated) {
    token = event.getDocument("_id");
    caughtUpTo = ChangeTimes.of(event).orElse(caughtUpTo);
    // After an invalidate (database dropped) only startAfter may open a new stream.
    startAfter = invalidated;
  }

  /** An empty reply of the current cursor: everything up to the server's token was read. */
  boolean idleAt(long cursor, BsonDocument postBatchToken) {
    if (cursor == NO_CURSOR || cursor != cursorId) {
      return false;
    }
    token = postBatchToken;
    startAfter = false;
    caughtUpTo = Instant.now(); // the server had nothing more when it replied
    return true;
  }

  /** The history after the token is gone: the next cursor starts from now. */
  void forget() {
    token = null;
    startAfter = false;
  }
}
