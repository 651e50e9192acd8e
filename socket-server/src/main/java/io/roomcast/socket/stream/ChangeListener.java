package io.roomcast.socket.stream;

import org.bson.BsonDocument;

/**
 * Receives each change event of a watched database, in commit order, one at a time, on a MongoDB
 * driver thread.
 */
@FunctionalInterface
public interface ChangeListener {
  /**
   * Handles one raw change event, as MongoDB sent it. Must not block: the stream requests its next
   * event only after this returns, which is its backpressure, and it runs on a driver thread.
   */
  void onChange(BsonDocument event);
}
