package io.roomcast.embedded.history;

/**
 * A stream asked to resume from a point whose events are no longer retained (trimmed by the history
 * bounds, or recorded by an earlier run of the server). MongoDB answers the same case with
 * ChangeStreamHistoryLost (code 286).
 */
public final class HistoryLostException extends Exception {
  private static final long serialVersionUID = 1L;

  public HistoryLostException(String message) {
    super(message, null, false, false);
  }
}
