package io.roomcast.socket.replay;

import io.roomcast.socket.emit.PreparedChange;
import java.util.List;
import java.util.Map;

/**
 * What a catch-up cursor read from MongoDB for one request: the request's changes after its
 * position, in each database's commit order, and the position each database's cursor reached
 * (everything up to it was read); or {@code resync} when the position could not be replayed.
 */
record CatchUpResult(
    JoinRequest request, List<Caught> changes, Map<String, Position> reached, boolean resync) {

  /** One change read for the request. */
  record Caught(String database, Position id, PreparedChange change) {}

  static CatchUpResult resync(JoinRequest request) {
    return new CatchUpResult(request, List.of(), Map.of(), true);
  }
}
