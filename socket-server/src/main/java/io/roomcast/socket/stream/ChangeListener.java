package io.roomcast.socket.stream;

import org.bson.BsonDocument;

/**
 * Receives what one watched database's stream reads, in commit order, on the stream's own thread
 * (its owner): each change event, and the positions the stream reaches without an event.
 */
public interface ChangeListener {
  /**
   * Handles one raw change event of {@code database}, as MongoDB sent it. Must not block. The
   * stream asks the driver for one more event only once {@code handled} has run (from any thread):
   * that is its backpressure, so whatever the listener queues stays within the stream's batch.
   */
  void onChange(String database, BsonDocument event, Runnable handled);

  /**
   * The stream opened without a position to resume from (first start, or its history was lost):
   * changes before {@code token} were not read. {@code token} is the server's start position, or
   * null when the first reply already carried events (then the first event marks the start).
   */
  default void onOpenedFromNow(String database, BsonDocument token) {}

  /** The stream has read everything up to {@code token} (an empty reply: the database is quiet). */
  default void onIdlePosition(String database, BsonDocument token) {}
}
