package io.roomcast.backend.json;

import java.util.Optional;

/**
 * Which field names a client may write. A name starting with {@code $} would be read by MongoDB as
 * an operator (update operators in {@code $set}, query operators in filters), a dot as a path into
 * a sub-document, and NUL ends a BSON name early; none of them can be stored as the client meant.
 * An empty name cannot be addressed by a path or an update operator at all.
 */
public final class FieldNames {
  private FieldNames() {}

  /** Why the name is refused, or empty when it may be written. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.startsWith("$")) {
      return Optional.of("must not start with '$'");
    }
    if (name.indexOf('.') >= 0) {
      return Optional.of("must not contain '.'");
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of("must not contain the NUL character");
    }
    return Optional.empty();
  }
}
