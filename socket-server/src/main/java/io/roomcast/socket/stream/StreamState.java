package io.roomcast.socket.stream;

import java.util.Locale;

/** Where a change stream is in its life; exported as the {@code state} label of a gauge. */
public enum StreamState {
  /** A cursor is open: changes flow. */
  OPEN,
  /** Not open yet, or reopening after an error or invalidate. */
  CONNECTING,
  /** Stopped for good: a fatal error, or the server is closing. */
  STOPPED;

  /** The lowercase label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
