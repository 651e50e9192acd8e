package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stages after {@code $changeStream}, run on each event by mongo-java-server's aggregation
 * engine. Only the stages MongoDB allows in a change stream are accepted. Like MongoDB, an event
 * whose {@code _id} (the resume token) was changed by the pipeline fails the stream.
 */
final class ChangeStreamPipeline {
  private static final Set<String> ALLOWED =
      Set.of(
          "$match",
          "$project",
          "$addFields",
          "$set",
          "$unset",
          "$replaceRoot",
          "$replaceWith",
          "$redact");

  private final Aggregation aggregation;
  private final boolean empty;
  private final boolean onlyMatches;

  private ChangeStreamPipeline(Aggregation aggregation, boolean empty, boolean onlyMatches) {
    this.aggregation = aggregation;
    this.empty = empty;
    this.onlyMatches = onlyMatches;
  }

  static ChangeStreamPipeline parse(List<Document> stages) {
    List<Document> translated = new ArrayList<>();
    boolean onlyMatches = true;
    for (Document stage : stages) {
      if (stage.size() != 1) {
        throw CommandFailure.badValue(
            "A pipeline stage specification object must contain exactly one field.");
      }
      Map.Entry<String, Object> entry = stage.entrySet().iterator().next();
      String name = entry.getKey();
      if (!ALLOWED.contains(name)) {
        throw new CommandFailure(
            20, "IllegalOperation", name + " is not permitted in a $changeStream pipeline");
      }
      onlyMatches &= name.equals("$match");
      translated.add(translate(name, entry.getValue()));
    }
    try {
      Aggregation aggregation = Aggregation.fromPipeline(translated, null, null, null, null);
      return new ChangeStreamPipeline(aggregation, stages.isEmpty(), onlyMatches);
    } catch (MongoServerException | ClassCastException e) {
      throw CommandFailure.badValue("invalid change stream pipeline: " + e.getMessage());
    }
  }

  /** The event as the pipeline outputs it, or null when the pipeline drops it. */
  Document apply(Document event) {
    if (empty) {
      return event;
    }
    // Stages other than $match may modify nested documents, which the history shares.
    Document input = onlyMatches ? event : event.cloneDeeply();
    List<Document> output = aggregation.runStages(Stream.of(input));
    if (output.isEmpty()) {
      return null;
    }
    Document result = output.get(0);
    if (!event.get("_id").equals(result.get("_id"))) {
      throw new CommandFailure(
          280,
          "ChangeStreamFatalError",
          "Encountered an event whose _id field, which contains the resume token, was modified by"
              + " the pipeline. Modifying the _id field of an event makes it impossible to resume"
              + " the stream from that point. Only transformations that retain the unmodified _id"
              + " field are allowed.");
    }
    return result;
  }

  private static Document translate(String name, Object value) {
    return switch (name) {
      case "$set" -> new Document("$addFields", value);
      case "$replaceWith" -> new Document("$replaceRoot", new Document("newRoot", value));
      default -> new Document(name, value);
    };
  }
}
