package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import io.roomcast.embedded.history.ChangeHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * mongo-java-server's memory backend, with collections that record every change into a {@link
 * ChangeHistory}, and our own {@link Oplog} (through the library's {@code createOplog()} extension
 * point) for collection drops. Change-stream commands never reach this class: the wire handler
 * answers them from the history.
 */
public final class CapturingBackend extends MemoryBackend {
  private final ChangeRecorder recorder;
  private final ChangeHistory history;

  public CapturingBackend(ChangeHistory history, PreImageSettings preImages, DropListener drops) {
    this.recorder = new ChangeRecorder(history, preImages, drops);
    this.history = history;
    enableOplog();
  }

  @Override
  protected Oplog createOplog() {
    return new HistoryOplog(recorder);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String name) {
    return new CapturingDatabase(name, getCursorRegistry(), recorder);
  }

  /** The library's answers, with sessions announced in the handshake (OP_QUERY and OP_MSG). */
  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    Document reply = super.handleCommand(channel, database, command, query);
    return Sessions.isHandshake(command) ? Sessions.announce(reply) : reply;
  }

  @Override
  public void dropDatabase(String database) {
    boolean existed = listDatabaseNames().contains(database);
    super.dropDatabase(database);
    if (existed) {
      recorder.databaseDropped(database);
    }
  }

  /** Whether the collection exists, without creating its database as a side effect. */
  public boolean collectionExists(String database, String collection) {
    return findCollection(database, collection) != null;
  }

  /** Creates the collection unless it exists, as createIndexes does; true when it created it. */
  public boolean ensureCollection(String database, String collection) {
    if (collectionExists(database, collection)) {
      return false;
    }
    ((CapturingDatabase) resolveDatabase(database)).openCollection(collection);
    return true;
  }

  /** The indexes mongo-java-server keeps for the collection, its _id index included; 0: none. */
  public int indexCount(String database, String collection) {
    MongoCollection<?> found = findCollection(database, collection);
    return found == null ? 0 : found.getNumIndexes();
  }

  /**
   * Deletes up to {@code limit} documents of the collection that match {@code filter} and {@code
   * condition}, each recorded as a delete event as a client's delete is, in one hold of the
   * collection's lock. Returns how many; 0 when the collection does not exist.
   */
  public int deleteWhere(
      String database,
      String collection,
      Document filter,
      Predicate<Document> condition,
      int limit) {
    return findCollection(database, collection) instanceof CapturingCollection found
        ? found.deleteWhere(filter, condition, limit, oplog)
        : 0;
  }

  /**
   * A copy of the current document with this {@code _id}, or null when there is none: what {@code
   * fullDocument: "updateLookup"} returns.
   */
  public Document currentDocument(String database, String collection, Object id) {
    MongoCollection<?> found = findCollection(database, collection);
    if (found == null) {
      return null;
    }
    // The collection's monitor guards its documents; copy under it so no writer mutates mid-copy.
    synchronized (found) {
      for (Document document : found.handleQuery(new Document("_id", id), 0, 1)) {
        return document.cloneDeeply();
      }
    }
    return null;
  }

  /**
   * Copies of the documents that match {@code filter} now, with the history sequence that the next
   * change will get, both taken under the collection's monitor: every change of this collection
   * before that sequence is in the copies, none after it (the collection appends its changes while
   * holding the monitor). A missing collection gives no documents.
   */
  public CollectionCut cut(String database, String collection, Document filter) {
    MongoCollection<?> found = findCollection(database, collection);
    if (found == null) {
      return new CollectionCut(List.of(), history.nextSequence());
    }
    synchronized (found) {
      List<Document> copies = new ArrayList<>();
      for (Document document : found.handleQuery(filter)) {
        copies.add(document.cloneDeeply());
      }
      return new CollectionCut(copies, history.nextSequence());
    }
  }

  private MongoCollection<?> findCollection(String database, String collection) {
    if (!listDatabaseNames().contains(database)) {
      return null;
    }
    MongoDatabase db = resolveDatabase(database);
    return db.resolveCollection(collection, false);
  }
}
