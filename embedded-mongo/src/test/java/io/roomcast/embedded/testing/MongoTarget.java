package io.roomcast.embedded.testing;

/**
 * A MongoDB that a test talks to over TCP with the real driver: the embedded database, or a real
 * single-node replica set. Close it when done.
 */
public interface MongoTarget extends AutoCloseable {
  /** Short name for test output, e.g. {@code embedded} or {@code mongo:8}. */
  String name();

  /** Connection string for the MongoDB drivers. */
  String connectionString();

  /** Whether this is the embedded database (for checks only it can make, such as work counts). */
  default boolean isEmbedded() {
    return false;
  }

  /** Stops the database. Idempotent. */
  @Override
  void close();
}
