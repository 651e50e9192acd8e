package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A collection's matching documents at one moment, and the history sequence of that moment.
 *
 * @param documents private copies of the documents that matched
 * @param nextSequence the sequence the next change got: changes before it are in {@code documents}
 */
public record CollectionCut(List<Document> documents, long nextSequence) {}
