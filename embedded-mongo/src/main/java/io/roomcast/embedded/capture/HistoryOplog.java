package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;

/**
 * The oplog mongo-java-server calls on writes. Document writes are recorded by {@link
 * CapturingCollection} instead (it sees the document before and after, and only the writes that
 * took effect), so only collection drops are recorded here.
 */
final class HistoryOplog implements Oplog {
  private final ChangeRecorder recorder;

  HistoryOplog(ChangeRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void handleInsert(String namespace, List<Document> documents) {
    // recorded by CapturingCollection.addDocument
  }

  @Override
  public void handleUpdate(
      String namespace, Document selector, Document query, List<Object> modifiedIds) {
    // recorded by CapturingCollection.handleUpdate
  }

  @Override
  public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
    // recorded by CapturingCollection.removeDocument
  }

  @Override
  public void handleDropCollection(String namespace) {
    recorder.collectionDropped(
        Utils.getDatabaseNameFromFullName(namespace),
        Utils.getCollectionNameFromFullName(namespace));
  }

  @Override
  public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
    throw new IllegalStateException("change streams are answered by the embedded wire handler");
  }
}
