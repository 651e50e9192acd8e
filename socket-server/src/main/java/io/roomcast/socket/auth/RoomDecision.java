package io.roomcast.socket.auth;

import java.time.Instant;
import java.util.Map;

/**
 * The answer for a set of rooms: until when each allowed room is granted, and for each refused room
 * the reason the client is told ({@code not authorized}, {@code auth unavailable}, or the token's
 * problem such as {@code invalid token}).
 */
public record RoomDecision(Map<String, Instant> allowedUntil, Map<String, String> refused) {
  public static final String NOT_AUTHORIZED = "not authorized";
  public static final String AUTH_UNAVAILABLE = "auth unavailable";

  /** The connection would hold grants for more than ROOM_AUTH_MAX_GRANTED_ROOMS rooms. */
  public static final String TOO_MANY_GRANTS = "too many granted rooms";

  public RoomDecision {
    allowedUntil = Map.copyOf(allowedUntil);
    refused = Map.copyOf(refused);
  }

  public boolean allAllowed() {
    return refused.isEmpty();
  }
}
