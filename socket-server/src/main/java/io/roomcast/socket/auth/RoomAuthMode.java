package io.roomcast.socket.auth;

import io.roomcast.common.config.InvalidValue;
import java.util.Locale;

/** How the socket server decides who may join which room ({@code ROOM_AUTH}). */
public enum RoomAuthMode {
  /** Signed tokens name the rooms (see docs/security.md). */
  JWT,
  /** The application answers, per connection, which rooms its user may join. */
  WEBHOOK,
  /** Everyone may join every room: local development only. */
  OPEN;

  static RoomAuthMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(value, "jwt, webhook or open");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
