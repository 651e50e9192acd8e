package io.roomcast.socket.recovery;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session records waiting to be written, coalesced by session: a session written twice before a
 * flush is written once, with its latest rooms. Bounded: beyond {@code limit} sessions a new one is
 * refused (the caller counts it). Owned by {@link SessionRooms}' thread; not thread-safe.
 */
final class PendingWrites {
  /** One record to upsert: a session and the rooms it is in. */
  record Write(String sessionId, Set<String> rooms) {}

  private final int limit;
  private final Map<String, Set<String>> pending = new LinkedHashMap<>();

  PendingWrites(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /** Queues (or replaces) a session's record; false when the queue is full and it is new. */
  boolean put(String sessionId, Set<String> rooms) {
    if (!pending.containsKey(sessionId) && pending.size() >= limit) {
      return false;
    }
    pending.put(sessionId, Set.copyOf(rooms));
    return true;
  }

  /** Drops a session's queued record, if any. */
  void remove(String sessionId) {
    pending.remove(sessionId);
  }

  /** Removes and returns up to {@code max} records, oldest first. */
  List<Write> take(int max) {
    List<Write> batch = new ArrayList<>(Math.min(max, pending.size()));
    Iterator<Map.Entry<String, Set<String>>> entries = pending.entrySet().iterator();
    while (entries.hasNext() && batch.size() < max) {
      Map.Entry<String, Set<String>> entry = entries.next();
      batch.add(new Write(entry.getKey(), entry.getValue()));
      entries.remove();
    }
    return batch;
  }

  int size() {
    return pending.size();
  }
}
