package io.roomcast.socket.replay;

/** A join with a position was refused before anything was done (too many catch-ups waiting). */
public final class ReplayRefused extends RuntimeException {
  public ReplayRefused(String message) {
    super(message, null, false, false);
  }
}
