package io.roomcast.embedded.history;

/** What a retained change did; each maps to one MongoDB change event {@code operationType}. */
public enum ChangeKind {
  INSERT("insert"),
  UPDATE("update"),
  REPLACE("replace"),
  DELETE("delete"),
  DROP("drop"),
  DROP_DATABASE("dropDatabase");

  private final String operationType;

  ChangeKind(String operationType) {
    this.operationType = operationType;
  }

  /** The {@code operationType} value MongoDB uses for this kind of change. */
  public String operationType() {
    return operationType;
  }

  /** Whether the change concerns one document (and so carries a {@code documentKey}). */
  public boolean isDocumentChange() {
    return this != DROP && this != DROP_DATABASE;
  }
}
