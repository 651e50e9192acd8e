package io.roomcast.socket.stream;

import org.bson.BsonDocument;

/** Receives each change event of a watched database, in commit order, on the stream's thread. */
@FunctionalInterface
public interface ChangeListener {
  /**
   * Handles one raw change event, as MongoDB sent it. Must not block for long: the stream reads its
   * next batch only after this returns, which is its backpressure.
   */
  void onChange(BsonDocument event);
}
