package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An in-memory collection that records every document it adds, changes or removes, with the
 * document before and after. These storage hooks see exactly the writes that took effect (a failed
 * insert of a batch, a no-op update, findAndModify and upserts included), which the library's own
 * oplog callbacks do not. All hooks run under the collection's monitor.
 */
final class CapturingCollection extends MemoryCollection {
  private final ChangeRecorder recorder;

  /** The update specification being applied, so that the update hook can describe it. */
  private Document updateInProgress;

  /** Set by the drop: a later {@link #deleteWhere} must not record deletes after the drop. */
  private boolean dropped;

  CapturingCollection(
      MongoDatabase database,
      String name,
      CollectionOptions options,
      CursorRegistry cursors,
      ChangeRecorder recorder) {
    super(database, name, options, cursors);
    this.recorder = recorder;
  }

  @Override
  public synchronized void addDocument(Document document) {
    super.addDocument(document);
    recorder.inserted(getDatabaseName(), getCollectionName(), document);
  }

  @Override
  public synchronized void removeDocument(Document document) {
    super.removeDocument(document);
    recorder.deleted(getDatabaseName(), getCollectionName(), document);
  }

  @Override
  public synchronized Document updateDocuments(
      Document selector,
      Document update,
      ArrayFilters arrayFilters,
      boolean multi,
      boolean upsert,
      Oplog oplog) {
    updateInProgress = update;
    try {
      return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
    } finally {
      updateInProgress = null;
    }
  }

  @Override
  public synchronized Document findAndModify(Document query) {
    updateInProgress = query.get("update") instanceof Document update ? update : null;
    try {
      return super.findAndModify(query);
    } finally {
      updateInProgress = null;
    }
  }

  @Override
  protected void handleUpdate(Integer position, Document before, Document after) {
    super.handleUpdate(position, before, after);
    recorder.updated(getDatabaseName(), getCollectionName(), updateInProgress, before, after);
  }

  /**
   * Deletes up to {@code limit} documents that match {@code filter} and {@code condition} the way a
   * client's delete does (each one is recorded as a delete event), in one hold of this collection's
   * lock; nothing once the collection has been dropped.
   */
  synchronized int deleteWhere(
      Document filter, Predicate<Document> condition, int limit, Oplog oplog) {
    if (dropped) {
      return 0;
    }
    List<Object> ids = new ArrayList<>();
    // "$query" so that a filter on a field named "query" is not read as the library's wrapper.
    for (Document document : handleQuery(new Document("$query", filter))) {
      if (ids.size() == limit) {
        break;
      }
      Object id = document.get(getIdField());
      if (id != null && condition.test(document)) {
        ids.add(id);
      }
    }
    for (Object id : ids) {
      deleteDocuments(new Document(getIdField(), id), 1, oplog);
    }
    return ids.size();
  }

  /** Under the lock, so that a {@link #deleteWhere} in progress ends before the drop event. */
  @Override
  public synchronized void drop() {
    super.drop();
    dropped = true;
  }
}
