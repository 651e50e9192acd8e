package io.roomcast.embedded.ttl;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the index specifications of {@code createIndexes} that carry {@code expireAfterSeconds},
 * with MongoDB's errors for the specifications it refuses: a compound key (CannotCreateIndex, 67),
 * seconds that are not a whole number from 0 to 2^31 - 1 (67), the {@code _id} field
 * (InvalidIndexSpecificationOption, 197). Options the embedded database cannot honour on a TTL
 * index ({@code unique}, {@code collation}, ...) are refused too rather than silently ignored.
 */
public final class TtlSpecs {
  static final String OPTION = "expireAfterSeconds";

  /** Options accepted beside the key; {@code background} and {@code ns} are accepted and unused. */
  private static final Set<String> ACCEPTED =
      Set.of("key", "name", "v", OPTION, "sparse", "partialFilterExpression", "background", "ns");

  private TtlSpecs() {}

  /** Whether this element of {@code indexes} asks for a TTL index. */
  public static boolean isTtl(Object spec) {
    return spec instanceof Document document && document.containsKey(OPTION);
  }

  /** The TTL index this specification describes; throws a {@link CommandFailure} if invalid. */
  public static TtlIndex parse(Document spec) {
    if (!(spec.get("key") instanceof Document key) || key.isEmpty()) {
      throw cannotCreate("an index needs a non-empty key document, got " + spec.get("key"));
    }
    if (key.size() != 1) {
      throw cannotCreate(
          "TTL indexes are single-field indexes, compound indexes do not support TTL");
    }
    Map.Entry<String, Object> only = key.entrySet().iterator().next();
    String field = only.getKey();
    if (field.equals("_id")) {
      throw new CommandFailure(
          197,
          "InvalidIndexSpecificationOption",
          "The field '" + OPTION + "' is not valid for an _id index specification");
    }
    if (field.isEmpty() || field.startsWith("$") || List.of(field.split("\\.", -1)).contains("")) {
      throw cannotCreate("bad TTL index field '" + field + "'");
    }
    if (!(only.getValue() instanceof Number direction) || direction.doubleValue() == 0) {
      throw cannotCreate(
          "a TTL index key must be ascending or descending ({"
              + field
              + ": 1} or -1), got "
              + only.getValue()
              + ": other index types are not supported by the embedded database");
    }
    long seconds = seconds(spec.get(OPTION));
    for (String option : spec.keySet()) {
      if (!ACCEPTED.contains(option)) {
        throw cannotCreate(
            "TTL index option '" + option + "' is not supported by the embedded database");
      }
    }
    Object filter = spec.getOrDefault("partialFilterExpression", new Document());
    if (!(filter instanceof Document partialFilter)) {
      throw cannotCreate("'partialFilterExpression' for an index has to be a document");
    }
    Object name = spec.getOrDefault("name", field + "_" + direction.intValue());
    if (!(name instanceof String indexName) || indexName.isEmpty()) {
      throw cannotCreate("the index name must be a non-empty string, got " + name);
    }
    Document description = new Document("v", spec.getOrDefault("v", 2)).append("key", key);
    description.append("name", indexName).append(OPTION, spec.get(OPTION));
    description.putIfNotNull("sparse", spec.get("sparse"));
    description.putIfNotNull("partialFilterExpression", spec.get("partialFilterExpression"));
    return new TtlIndex(indexName, field, seconds, partialFilter, description);
  }

  /** {@code expireAfterSeconds}: a number holding a whole count of seconds within int32. */
  static long seconds(Object value) {
    if (!(value instanceof Number number)) {
      throw cannotCreate(
          "TTL index '"
              + OPTION
              + "' option must be numeric, but received a type of '"
              + typeName(value)
              + "'");
    }
    double seconds = number.doubleValue();
    if (!(seconds >= 0 && seconds <= Integer.MAX_VALUE && seconds == Math.rint(seconds))) {
      throw cannotCreate(
          "TTL index '"
              + OPTION
              + "' option must be within an acceptable range, try a non-negative whole number"
              + " less than 2147483648, got "
              + value);
    }
    return (long) seconds;
  }

  private static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Document) {
      return "object";
    }
    return value instanceof List<?> ? "array" : value.getClass().getSimpleName();
  }

  private static CommandFailure cannotCreate(String message) {
    return new CommandFailure(67, "CannotCreateIndex", message);
  }
}
