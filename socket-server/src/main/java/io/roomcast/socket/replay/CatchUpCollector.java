package io.roomcast.socket.replay;

import io.roomcast.socket.emit.PreparedChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request gathers during a catch-up: the changes of its rooms after its position, up to
 * {@code REPLAY_MAX_EVENTS} (one more and it resyncs: nothing unbounded is buffered for a client),
 * and how far each database's cursor read. Used by one catch-up thread only.
 */
final class CatchUpCollector {
  private final JoinRequest request;
  private final int maxEvents;
  private final List<CatchUpResult.Caught> changes = new ArrayList<>();
  private final Map<String, Position> reached = new HashMap<>();
  private boolean resync;

  CatchUpCollector(JoinRequest request, int maxEvents) {
    this.request = request;
    this.maxEvents = maxEvents;
  }

  Position since() {
    return request.since();
  }

  /** Whether the change at {@code id} in {@code room} is one this request needs. */
  boolean wants(Position id, String room) {
    return !resync && id.isAfter(request.since()) && request.rooms().contains(room);
  }

  void add(String database, Position id, PreparedChange change) {
    if (changes.size() >= maxEvents) {
      giveUp();
      return;
    }
    changes.add(new CatchUpResult.Caught(database, id, change));
  }

  void reached(String database, Position position) {
    reached.put(database, position);
  }

  /** The position cannot be replayed (beyond the history, too many changes, too slow). */
  void giveUp() {
    resync = true;
    changes.clear();
  }

  boolean resync() {
    return resync;
  }

  CatchUpResult result() {
    return resync
        ? CatchUpResult.resync(request)
        : new CatchUpResult(request, List.copyOf(changes), Map.copyOf(reached), false);
  }
}
