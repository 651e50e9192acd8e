package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an update event's {@code updateDescription} the way MongoDB's update log does for operator
 * updates: each operator path that changed a value is reported at that path ($set, $inc, $mul,
 * $min, $max, $currentDate, $bit), or at its first component that did not exist before; $unset and
 * the source of $rename go to removedFields; $push and $addToSet that only append report each new
 * element as {@code path.index}; other array rewrites ($pull, $pullAll, $pop, $push with $position
 * or $sort) report the whole array. Paths with positional operators ($, $[], $[id]) are reported at
 * the array that holds them. truncatedArrays stays empty: MongoDB fills it only for pipeline
 * updates and replacement diffs.
 */
final class UpdateDescriptions {
  private UpdateDescriptions() {}

  static boolean isOperatorUpdate(Document update) {
    return !update.isEmpty() && update.keySet().iterator().next().startsWith("$");
  }

  static Document describe(Document update, Document before, Document after) {
    Document updated = new Document();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, Object> operator : update.entrySet()) {
      if (!(operator.getValue() instanceof Document fields)) {
        continue;
      }
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        String path = field.getKey();
        switch (operator.getKey()) {
          case "$unset" -> unset(path, before, removed);
          case "$rename" -> {
            unset(path, before, removed);
            set(String.valueOf(field.getValue()), before, after, updated);
          }
          case "$push", "$addToSet" -> append(path, before, after, updated);
          case "$setOnInsert" -> {
            // applies to upserts only, which are insert events
          }
          default -> set(path, before, after, updated);
        }
      }
    }
    return new Document("updatedFields", updated)
        .append("removedFields", removed)
        .append("truncatedArrays", new ArrayList<>());
  }

  private static void unset(String path, Document before, List<String> removed) {
    List<String> parts = withoutPositional(path);
    if (FieldPaths.get(before, parts, parts.size()) != FieldPaths.ABSENT) {
      removed.add(String.join(".", parts));
    }
  }

  private static void set(String path, Document before, Document after, Document updated) {
    List<String> parts = withoutPositional(path);
    int length = 1;
    while (length < parts.size() && FieldPaths.get(before, parts, length) != FieldPaths.ABSENT) {
      length++;
    }
    Object oldValue = FieldPaths.get(before, parts, length);
    Object newValue = FieldPaths.get(after, parts, length);
    if (newValue != FieldPaths.ABSENT && !Objects.equals(oldValue, newValue)) {
      updated.put(String.join(".", parts.subList(0, length)), newValue);
    }
  }

  private static void append(String path, Document before, Document after, Document updated) {
    List<String> parts = withoutPositional(path);
    Object oldValue = FieldPaths.get(before, parts, parts.size());
    Object newValue = FieldPaths.get(after, parts, parts.size());
    if (oldValue instanceof List<?> oldList
        && newValue instanceof List<?> newList
        && newList.size() > oldList.size()
        && newList.subList(0, oldList.size()).equals(oldList)) {
      String prefix = String.join(".", parts) + ".";
      for (int i = oldList.size(); i < newList.size(); i++) {
        updated.put(prefix + i, newList.get(i));
      }
    } else {
      set(path, before, after, updated);
    }
  }

  /** The path up to its first positional component ($, $[], $[id]), which is resolved later. */
  private static List<String> withoutPositional(String path) {
    List<String> parts = Arrays.asList(path.split("\\.", -1));
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).startsWith("$")) {
        return parts.subList(0, Math.max(1, i));
      }
    }
    return parts;
  }
}
