package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code aggregate} command whose first stage is {@code $changeStream}: the scope, the
 * {@code fullDocument} and {@code fullDocumentBeforeChange} modes, where to start, and the stages
 * that follow. Rejects what MongoDB rejects, with the same codes where they matter.
 */
record ChangeStreamSpec(
    StreamScope scope,
    String fullDocument,
    String fullDocumentBeforeChange,
    ResumeToken resumeAfter,
    ResumeToken startAfter,
    BsonTimestamp startAtOperationTime,
    ChangeStreamPipeline pipeline) {

  private static final Set<String> OPTIONS =
      Set.of(
          "fullDocument",
          "fullDocumentBeforeChange",
          "resumeAfter",
          "startAfter",
          "startAtOperationTime",
          "allChangesForCluster",
          "showExpandedEvents",
          "allowToRunOnConfigDB");
  private static final Set<String> FULL_DOCUMENT =
      Set.of("default", "updateLookup", "whenAvailable", "required");
  private static final Set<String> BEFORE_CHANGE = Set.of("off", "whenAvailable", "required");
  private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

  static ChangeStreamSpec parse(String database, Document command, List<Document> pipeline) {
    Document options = (Document) pipeline.get(0).get("$changeStream");
    for (String option : options.keySet()) {
      if (!OPTIONS.contains(option) && !option.startsWith("$_")) {
        throw new CommandFailure(
            40415,
            "Location40415",
            "BSON field '$changeStream." + option + "' is an unknown field.");
      }
    }
    String fullDocument = choice(options, "fullDocument", "default", FULL_DOCUMENT);
    String before = choice(options, "fullDocumentBeforeChange", "off", BEFORE_CHANGE);
    int resumeOptions = 0;
    for (String option : List.of("resumeAfter", "startAfter", "startAtOperationTime")) {
      resumeOptions += options.containsKey(option) ? 1 : 0;
    }
    if (resumeOptions > 1) {
      throw new CommandFailure(
          40674,
          "Location40674",
          "Only one type of resume option is allowed, but multiple were found.");
    }
    Object time = options.get("startAtOperationTime");
    if (time != null && !(time instanceof BsonTimestamp)) {
      throw CommandFailure.badValue("$changeStream.startAtOperationTime must be a timestamp");
    }
    return new ChangeStreamSpec(
        scope(database, command.get("aggregate"), options),
        fullDocument,
        before,
        options.containsKey("resumeAfter") ? ResumeToken.parse(options.get("resumeAfter")) : null,
        options.containsKey("startAfter") ? ResumeToken.parse(options.get("startAfter")) : null,
        (BsonTimestamp) time,
        ChangeStreamPipeline.parse(pipeline.subList(1, pipeline.size())));
  }

  private static StreamScope scope(String database, Object target, Document options) {
    boolean cluster = Boolean.TRUE.equals(options.get("allChangesForCluster"));
    if (target instanceof String collection) {
      if (cluster || INTERNAL_DATABASES.contains(database)) {
        throw invalidNamespace(database + "." + collection);
      }
      return new StreamScope(database, collection);
    }
    if (!(target instanceof Number number) || number.intValue() != 1) {
      throw CommandFailure.badValue("aggregate must be a collection name or 1");
    }
    if (cluster) {
      if (!database.equals("admin")) {
        throw invalidNamespace(database);
      }
      return StreamScope.deployment();
    }
    if (INTERNAL_DATABASES.contains(database)) {
      throw invalidNamespace(database);
    }
    return new StreamScope(database, null);
  }

  private static CommandFailure invalidNamespace(String namespace) {
    return new CommandFailure(
        73, "InvalidNamespace", "$changeStream may not be opened on " + namespace);
  }

  private static String choice(Document options, String name, String fallback, Set<String> valid) {
    Object value = options.getOrDefault(name, fallback);
    if (!(value instanceof String text) || !valid.contains(text)) {
      throw CommandFailure.badValue(
          "'" + value + "' is not a valid value for $changeStream." + name + "; one of " + valid);
    }
    return text;
  }
}
