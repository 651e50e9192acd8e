package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.history.ChangeDraft;
import io.roomcast.embedded.history.ChangeHistory;
import io.roomcast.embedded.history.ChangeKind;
import java.util.Set;

/**
 * Turns storage-level writes into history entries. The collection calls it while it still holds its
 * own lock, so that entries for one collection are appended exactly in the order the writes took
 * effect. Internal databases and {@code system.*} collections are not recorded: MongoDB does not
 * report them in change streams either.
 */
final class ChangeRecorder {
  private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

  private final ChangeHistory history;
  private final PreImageSettings preImages;
  private final DropListener drops;

  ChangeRecorder(ChangeHistory history, PreImageSettings preImages, DropListener drops) {
    this.history = history;
    this.preImages = preImages;
    this.drops = drops;
  }

  void inserted(String database, String collection, Document document) {
    if (isRecorded(database, collection)) {
      Object id = document.get("_id");
      history.append(
          new ChangeDraft(
              ChangeKind.INSERT,
              database,
              collection,
              id,
              document.cloneDeeply(),
              null,
              false,
              null));
    }
  }

  /** An update of one document; {@code update} is the update specification, null if unknown. */
  void updated(
      String database, String collection, Document update, Document before, Document after) {
    if (!isRecorded(database, collection)) {
      return;
    }
    boolean replacement = update == null || !UpdateDescriptions.isOperatorUpdate(update);
    Document description = replacement ? null : UpdateDescriptions.describe(update, before, after);
    history.append(
        new ChangeDraft(
            replacement ? ChangeKind.REPLACE : ChangeKind.UPDATE,
            database,
            collection,
            after.get("_id"),
            after.cloneDeeply(),
            before.cloneDeeply(),
            preImageKept(database, collection),
            description));
  }

  void deleted(String database, String collection, Document removed) {
    if (isRecorded(database, collection)) {
      history.append(
          new ChangeDraft(
              ChangeKind.DELETE,
              database,
              collection,
              removed.get("_id"),
              null,
              removed.cloneDeeply(),
              preImageKept(database, collection),
              null));
    }
  }

  void collectionDropped(String database, String collection) {
    preImages.collectionDropped(database + "." + collection);
    drops.collectionDropped(database + "." + collection);
    if (isRecorded(database, collection)) {
      history.append(ChangeDraft.drop(ChangeKind.DROP, database, collection));
    }
  }

  void databaseDropped(String database) {
    preImages.databaseDropped(database);
    drops.databaseDropped(database);
    if (!INTERNAL_DATABASES.contains(database)) {
      history.append(ChangeDraft.drop(ChangeKind.DROP_DATABASE, database, null));
    }
  }

  private boolean preImageKept(String database, String collection) {
    return preImages.isEnabled(database + "." + collection);
  }

  private static boolean isRecorded(String database, String collection) {
    return !INTERNAL_DATABASES.contains(database) && !collection.startsWith("system.");
  }
}
