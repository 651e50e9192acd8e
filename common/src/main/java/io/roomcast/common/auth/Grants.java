package io.roomcast.common.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified token allows until it expires: a set of rooms (canonical lowercase UUID strings)
 * or every room, and OAuth-style scopes such as {@code write}.
 *
 * @param allRooms the token's rooms claim was {@code ["*"]}
 * @param rooms the rooms granted (empty when {@code allRooms})
 * @param scopes the space-separated {@code scope} claim, split; empty when absent
 * @param expiresAt the token's {@code exp} plus the allowed clock skew
 */
public record Grants(boolean allRooms, Set<String> rooms, Set<String> scopes, Instant expiresAt) {
  /** The scope that lets the backend write and read every document. */
  public static final String WRITE_SCOPE = "write";

  public Grants {
    rooms = Set.copyOf(rooms);
    scopes = Set.copyOf(scopes);
  }

  /** Whether the room is granted (regardless of expiry, which the holder checks). */
  public boolean covers(String room) {
    return allRooms || rooms.contains(room);
  }

  /** Whether the grants still hold at {@code now}. */
  public boolean validAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
