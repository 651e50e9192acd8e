package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.history.ChangeEvent;
import io.roomcast.embedded.history.ChangeKind;

/**
 * Renders a retained change as the change event document MongoDB sends: {@code _id} (resume token),
 * {@code operationType}, {@code clusterTime}, {@code wallTime}, {@code ns}, {@code documentKey},
 * and as the stream asks, {@code fullDocument}, {@code updateDescription} and {@code
 * fullDocumentBeforeChange}.
 */
final class EventDocuments {
  private final int instance;
  private final CurrentDocuments currentDocuments;

  EventDocuments(int instance, CurrentDocuments currentDocuments) {
    this.instance = instance;
    this.currentDocuments = currentDocuments;
  }

  int instance() {
    return instance;
  }

  ResumeToken tokenOf(ChangeEvent event) {
    return new ResumeToken(instance, event.sequence() + 1, event.clusterTime().getValue(), false);
  }

  Document render(ChangeEvent event, ChangeStreamSpec spec) {
    Document document = header(tokenOf(event), event, event.kind().operationType());
    ChangeKind kind = event.kind();
    if (kind == ChangeKind.INSERT || kind == ChangeKind.REPLACE) {
      document.append("fullDocument", event.postImage());
    }
    Document ns = new Document("db", event.database());
    if (event.collection() != null) {
      ns.append("coll", event.collection());
    }
    document.append("ns", ns);
    if (!kind.isDocumentChange()) {
      return document;
    }
    document.append("documentKey", new Document("_id", event.documentId()));
    if (kind == ChangeKind.UPDATE) {
      document.append("updateDescription", event.updateDescription());
      appendUpdateFullDocument(document, event, spec.fullDocument());
    }
    if (kind != ChangeKind.INSERT && !spec.fullDocumentBeforeChange().equals("off")) {
      Document before = event.preImage();
      if (before == null && spec.fullDocumentBeforeChange().equals("required")) {
        throw imageMissing("pre-image", "fullDocumentBeforeChange", event);
      }
      document.append("fullDocumentBeforeChange", before);
    }
    return document;
  }

  /** The invalidate event that follows a stream's last event. */
  Document invalidate(ChangeEvent cause) {
    ResumeToken token =
        new ResumeToken(instance, cause.sequence() + 1, cause.clusterTime().getValue(), true);
    return header(token, cause, "invalidate");
  }

  private void appendUpdateFullDocument(Document document, ChangeEvent event, String mode) {
    switch (mode) {
      case "updateLookup" ->
          document.append(
              "fullDocument",
              currentDocuments.find(event.database(), event.collection(), event.documentId()));
      case "whenAvailable", "required" -> {
        // Post-images exist where MongoDB stores them: collections with images enabled.
        Document after = event.preImage() != null ? event.postImage() : null;
        if (after == null && mode.equals("required")) {
          throw imageMissing("post-image", "fullDocument", event);
        }
        document.append("fullDocument", after);
      }
      default -> {
        // "default": update events carry no fullDocument
      }
    }
  }

  private static Document header(ResumeToken token, ChangeEvent event, String operationType) {
    return new Document("_id", token.toDocument())
        .append("operationType", operationType)
        .append("clusterTime", event.clusterTime())
        .append("wallTime", event.wallTime());
  }

  private static CommandFailure imageMissing(String image, String option, ChangeEvent event) {
    return new CommandFailure(
        47,
        "NoMatchingDocument",
        "Change stream was configured to require a "
            + image
            + " for all update, delete and replace events, but the "
            + image
            + " was not found for the event on "
            + event.database()
            + "."
            + event.collection()
            + " ("
            + option
            + ": required; enable changeStreamPreAndPostImages on the collection)");
  }
}
