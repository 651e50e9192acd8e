package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** An in-memory database whose collections record their changes. */
final class CapturingDatabase extends MemoryDatabase {
  private final ChangeRecorder recorder;

  CapturingDatabase(String name, CursorRegistry cursors, ChangeRecorder recorder) {
    super(name, cursors);
    this.recorder = recorder;
  }

  @Override
  protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
    // Called from MemoryDatabase's constructor (system collections) before our field is set.
    if (recorder == null) {
      return super.openOrCreateCollection(name, options);
    }
    return new CapturingCollection(this, name, options, cursorRegistry, recorder);
  }

  /** The collection, created (with its _id index) when missing, as a first insert does. */
  MongoCollection<Integer> openCollection(String name) {
    return resolveOrCreateCollection(name);
  }
}
