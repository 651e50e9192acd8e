package io.roomcast.embedded.ttl;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * MongoDB's rules for an index requested where another exists: the same name and key with the same
 * options is the same index (re-creating it is a no-op); the same name with another key fails with
 * IndexKeySpecsConflict (86); the same name with other options, or the same key under another name,
 * fails with IndexOptionsConflict (85).
 */
public final class IndexConflicts {
  /** Fields of a specification that are not options of the index. */
  private static final Set<String> NOT_OPTIONS = Set.of("v", "key", "name", "ns", "background");

  private IndexConflicts() {}

  /**
   * True when {@code existing} is the requested index, false when the two are unrelated; throws
   * MongoDB's error when they share the name or the key but not the rest.
   */
  public static boolean sameIndex(Document requested, Document existing) {
    boolean sameName = Objects.equals(requested.get("name"), existing.get("name"));
    boolean sameKey =
        Objects.equals(normalized(requested.get("key")), normalized(existing.get("key")));
    if (sameName && !sameKey) {
      throw new CommandFailure(
          86,
          "IndexKeySpecsConflict",
          "An existing index has the same name as the requested index. Requested index: "
              + requested
              + ", existing index: "
              + existing);
    }
    if (sameName && !options(requested).equals(options(existing))) {
      throw new CommandFailure(
          85,
          "IndexOptionsConflict",
          "An equivalent index already exists with the same name but different options. Requested"
              + " index: "
              + requested
              + ", existing index: "
              + existing);
    }
    if (!sameName && sameKey) {
      throw new CommandFailure(
          85,
          "IndexOptionsConflict",
          "Index already exists with a different name: " + existing.get("name"));
    }
    return sameName;
  }

  /** The options that make two indexes with one key different; false flags count as absent. */
  private static Map<String, Object> options(Document spec) {
    Map<String, Object> options = new HashMap<>();
    spec.forEach(
        (field, value) -> {
          if (!NOT_OPTIONS.contains(field) && !Boolean.FALSE.equals(value)) {
            options.put(field, normalized(value));
          }
        });
    return options;
  }

  /** Numbers as doubles (1 and 1.0 are the same key), documents field by field, in order. */
  private static Object normalized(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Document document) {
      List<Object> fields = new ArrayList<>();
      document.forEach((field, inner) -> fields.add(Arrays.asList(field, normalized(inner))));
      return fields;
    }
    return value;
  }
}
