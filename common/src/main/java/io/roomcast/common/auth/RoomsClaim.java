package io.roomcast.common.auth;

import io.roomcast.common.uuid.Uuids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the rooms claim: an array of canonical UUID strings, or exactly {@code ["*"]}. */
final class RoomsClaim {
  static final String ALL_ROOMS = "*";

  private RoomsClaim() {}

  /** The room names, or null for all rooms; throws when the claim has another shape. */
  static Set<String> rooms(Object claim, String name, int maxRooms) throws TokenRefusedException {
    if (!(claim instanceof List<?> items)) {
      throw invalid("claim '" + name + "' is missing or not an array");
    }
    if (items.size() == 1 && ALL_ROOMS.equals(items.get(0))) {
      return null;
    }
    if (items.size() > maxRooms) {
      throw invalid("claim '" + name + "' lists " + items.size() + " rooms, over " + maxRooms);
    }
    Set<String> rooms = new LinkedHashSet<>();
    for (Object item : items) {
      Optional<UUID> uuid = item instanceof String text ? Uuids.parse(text) : Optional.empty();
      if (uuid.isEmpty()) {
        throw invalid("claim '" + name + "' holds an item that is not a UUID string");
      }
      rooms.add(Uuids.roomName(uuid.get()));
    }
    return rooms;
  }

  private static TokenRefusedException invalid(String detail) {
    return new TokenRefusedException(TokenRefusedException.INVALID_TOKEN, detail);
  }
}
