package io.roomcast.socket.replay;

import io.roomcast.socket.emit.PreparedChange;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent changes of every watched database, in the order the hub received them, bounded by
 * count, encoded bytes and age ({@link ReplaySettings}); and per database the range they cover
 * ({@link Coverage}). Owned by the hub thread: no method is thread-safe but {@link #floor}.
 */
final class ReplayWindow {
  /** One held change: its stream, position, the encoded change and when the hub got it. */
  record Held(String database, Position id, PreparedChange change, long bytes, long nanoTime) {}

  private final int maxEvents;
  private final long maxBytes;
  private final long maxAgeNanos;
  private final Deque<Held> held = new ArrayDeque<>();
  private final Map<String, Coverage> coverage = new HashMap<>();
  private final Map<String, Position> floors = new ConcurrentHashMap<>();
  private long bytes;

  ReplayWindow(int maxEvents, long maxBytes, Duration maxAge) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.maxAgeNanos = maxAge.toNanos();
  }

  Coverage coverage(String database) {
    return coverage.computeIfAbsent(database, name -> new Coverage(name, floors));
  }

  /**
   * The oldest position after which {@code database}'s changes are all held, or null; the one
   * method other threads may call (a catch-up cursor stops once it has read up to it).
   */
  Position floor(String database) {
    return floors.get(database);
  }

  /** A change reached the hub; {@code change} is null when it belongs to no room. */
  void add(String database, Position id, PreparedChange change, long nanoTime) {
    coverage(database).event(id);
    if (change == null) {
      return;
    }
    long size = change.bodyJson().length() + change.metaJson().length();
    held.addLast(new Held(database, id, change, size, nanoTime));
    bytes += size;
    while (!held.isEmpty() && (held.size() > maxEvents || bytes > maxBytes)) {
      forgetOldest();
    }
  }

  /** Forgets the changes older than the window's age. */
  void expire(long nanoTime) {
    while (!held.isEmpty() && nanoTime - held.peekFirst().nanoTime() > maxAgeNanos) {
      forgetOldest();
    }
  }

  private void forgetOldest() {
    Held oldest = held.removeFirst();
    bytes -= oldest.bytes();
    coverage(oldest.database()).forgot(oldest.id());
  }

  /** Whether every stream holds all its changes after {@code since}. */
  boolean holdsAfter(Position since) {
    return !coverage.isEmpty() && coverage.values().stream().allMatch(c -> c.holdsAfter(since));
  }

  /** Whether some stream has not read up to {@code since} yet. */
  boolean behind(Position since) {
    return coverage.isEmpty() || coverage.values().stream().anyMatch(c -> c.behind(since));
  }

  /** The held changes of {@code rooms} after {@code since} (per database: after its own bound). */
  List<PreparedChange> after(
      Map<String, Position> sinceByDatabase, Position since, Set<String> rooms) {
    List<PreparedChange> changes = new ArrayList<>();
    for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
      Held change = it.next();
      Position from = sinceByDatabase.getOrDefault(change.database(), since);
      if (change.id().isAfter(from) && rooms.contains(change.change().room())) {
        changes.add(change.change());
      }
    }
    return changes;
  }

  int size() {
    return held.size();
  }

  long bytes() {
    return bytes;
  }
}
