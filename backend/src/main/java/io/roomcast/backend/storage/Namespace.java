package io.roomcast.backend.storage;

import java.util.Optional;

/**
 * A MongoDB collection named as {@code db.collection}, as the settings and the REST paths name it.
 * Only names MongoDB accepts and that are not system collections are valid.
 */
public record Namespace(String database, String collection) {
  private static final String DATABASE_FORBIDDEN = "/\\. \"$*<>:|?\0";
  private static final int MAX_DATABASE_LENGTH = 63;

  /** Parses {@code db.collection}; the collection may itself contain dots. */
  public static Optional<Namespace> parse(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return of(text.substring(0, dot), text.substring(dot + 1));
  }

  /** A namespace from its two parts, when both are valid names. */
  public static Optional<Namespace> of(String database, String collection) {
    if (!validDatabase(database) || !validCollection(collection)) {
      return Optional.empty();
    }
    return Optional.of(new Namespace(database, collection));
  }

  private static boolean validDatabase(String name) {
    if (name.isEmpty() || name.length() > MAX_DATABASE_LENGTH) {
      return false;
    }
    return name.chars().noneMatch(c -> DATABASE_FORBIDDEN.indexOf(c) >= 0);
  }

  private static boolean validCollection(String name) {
    return !name.isEmpty()
        && !name.startsWith("system.")
        && !name.startsWith(".")
        && !name.endsWith(".")
        && name.indexOf('$') < 0
        && name.indexOf('\0') < 0;
  }

  @Override
  public String toString() {
    return database + "." + collection;
  }
}
