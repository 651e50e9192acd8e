package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.Document;

/** Looks up a document as it is now, for {@code fullDocument: "updateLookup"}. */
@FunctionalInterface
public interface CurrentDocuments {
  /** A copy of the document with this {@code _id}, or null when it does not exist (any more). */
  Document find(String database, String collection, Object id);
}
