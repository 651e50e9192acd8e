package io.roomcast.socket.guard;

import java.util.UUID;

/** Session ids as the server issues them: lowercase canonical UUID strings, 122 random bits. */
final class SessionIds {
  /** Stands for every sid that is not one the server could have issued; never a session's. */
  static final UUID NONE = new UUID(0, 0);

  private static final int LENGTH = 36;

  private SessionIds() {}

  /**
   * The sid's UUID, or {@link #NONE} for anything not in the exact form issued (UUID.fromString
   * alone would also take short forms such as {@code 1-1-1-1-1}).
   */
  static UUID parse(String sid) {
    if (sid.length() != LENGTH) {
      return NONE;
    }
    try {
      UUID uuid = UUID.fromString(sid);
      return uuid.toString().equals(sid) ? uuid : NONE;
    } catch (IllegalArgumentException e) {
      return NONE;
    }
  }
}
