package io.roomcast.socket.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.common.uuid.Uuids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The payload of a {@code JoinRoom} or {@code LeaveRoom} event, checked as a whole: it is either an
 * array of UUID strings (in any case) or it is rejected, item by item, and nothing is done.
 */
public final class RoomRequest {
  static final String NOT_A_STRING = "not a string";
  static final String NOT_A_UUID = "not a UUID";

  /** One item as the client sent it, with its room name when valid, else why not. */
  public record Item(JsonNode given, String room, String reason) {
    boolean valid() {
      return reason == null;
    }
  }

  private final List<Item> items;
  private final String error;

  private RoomRequest(List<Item> items, String error) {
    this.items = List.copyOf(items);
    this.error = error;
  }

  /** Checks the first argument of {@code event}; {@code payload} is null when there was none. */
  public static RoomRequest parse(String event, JsonNode payload) {
    if (payload == null || !payload.isArray()) {
      return new RoomRequest(
          List.of(),
          event + " expects an array of UUID strings, got " + describe(payload) + "; nothing done");
    }
    List<Item> items = new ArrayList<>(payload.size());
    int invalid = 0;
    for (JsonNode given : payload) {
      Item item = check(given);
      items.add(item);
      invalid += item.valid() ? 0 : 1;
    }
    if (invalid > 0) {
      String error = invalid + " of " + items.size() + " items are not UUID strings; nothing done";
      return new RoomRequest(items, error);
    }
    return new RoomRequest(items, null);
  }

  private static Item check(JsonNode given) {
    if (!given.isTextual()) {
      return new Item(given, null, NOT_A_STRING);
    }
    // Interned: every member of a room then holds the same name in its room set, not a copy of
    // its own (80 bytes per joined connection); the JVM's string table lets go of unused names.
    return Uuids.parse(given.asText())
        .map(uuid -> new Item(given, Uuids.roomName(uuid).intern(), null))
        .orElseGet(() -> new Item(given, null, NOT_A_UUID));
  }

  private static String describe(JsonNode payload) {
    if (payload == null || payload.isMissingNode()) {
      return "nothing";
    }
    return payload.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the payload was an array of UUID strings only. */
  public boolean valid() {
    return error == null;
  }

  /** Why the request was rejected; null when valid. */
  public String error() {
    return error;
  }

  public List<Item> items() {
    return items;
  }

  /** The distinct room names of a valid request, in the order given. */
  public Set<String> rooms() {
    Set<String> rooms = new LinkedHashSet<>();
    for (Item item : items) {
      if (item.valid()) {
        rooms.add(item.room());
      }
    }
    return rooms;
  }
}
