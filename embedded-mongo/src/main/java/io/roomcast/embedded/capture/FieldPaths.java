package io.roomcast.embedded.capture;

import java.util.List;
import java.util.Map;

/** Reads dotted field paths ({@code a.b.0.c}) in documents, telling absent from null. */
final class FieldPaths {
  /** Returned for a path that does not exist. */
  static final Object ABSENT = new Object();

  private FieldPaths() {}

  static Object get(Object root, List<String> parts, int length) {
    Object current = root;
    for (int i = 0; i < length; i++) {
      String part = parts.get(i);
      if (current instanceof Map<?, ?> map) {
        if (!map.containsKey(part)) {
          return ABSENT;
        }
        current = map.get(part);
      } else if (current instanceof List<?> list && isIndex(part)) {
        int index = Integer.parseInt(part);
        if (index >= list.size()) {
          return ABSENT;
        }
        current = list.get(index);
      } else {
        return ABSENT;
      }
    }
    return current;
  }

  static boolean isIndex(String part) {
    return !part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit);
  }
}
