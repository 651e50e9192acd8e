package io.roomcast.embedded.capture;

/**
 * Told when a collection or a database is dropped (by any command: drop, dropDatabase, a rename
 * over an existing collection), so that what is kept beside the data, such as TTL indexes, goes
 * with it. Called on the dropping connection's thread, after the data is gone.
 */
public interface DropListener {
  /** {@code namespace} is {@code database.collection}. */
  void collectionDropped(String namespace);

  void databaseDropped(String database);
}
