package io.roomcast.embedded.stream;

import io.roomcast.embedded.history.ChangeEvent;
import io.roomcast.embedded.history.ChangeKind;

/**
 * What a change stream watches: one collection, one database, or the whole deployment (both names
 * null), and which change ends it with an invalidate event, as in MongoDB: a collection stream ends
 * when its collection (or database) is dropped, a database stream when its database is dropped, a
 * deployment stream never.
 */
record StreamScope(String database, String collection) {

  static StreamScope deployment() {
    return new StreamScope(null, null);
  }

  boolean matches(ChangeEvent event) {
    if (database == null) {
      return true;
    }
    if (!database.equals(event.database())) {
      return false;
    }
    return collection == null || collection.equals(event.collection());
  }

  /** Whether this (matching) event is the last one the stream reports before invalidate. */
  boolean isInvalidatedBy(ChangeEvent event) {
    if (database == null) {
      return false;
    }
    if (collection == null) {
      return event.kind() == ChangeKind.DROP_DATABASE;
    }
    return event.kind() == ChangeKind.DROP;
  }

  /** The namespace named in cursor replies. */
  String cursorNamespace() {
    if (database == null) {
      return "admin.$cmd.aggregate";
    }
    return collection == null ? database + ".$cmd.aggregate" : database + "." + collection;
  }
}
