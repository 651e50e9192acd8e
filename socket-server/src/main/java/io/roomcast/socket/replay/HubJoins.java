package io.roomcast.socket.replay;

import com.corundumstudio.socketio.SocketIOClient;
import io.roomcast.socket.auth.ConnectionGrants;
import io.roomcast.socket.emit.ChangeDelivery;
import io.roomcast.socket.emit.PreparedChange;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.metrics.SocketMetrics.ReplaySource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Joins with a position, performed on the hub thread (so between two live deliveries): from the
 * window when it holds everything after the position; after a catch-up from MongoDB when the
 * position is older; after a short wait when the streams have not read up to the position yet (a
 * snapshot's read point, or a position from a node further ahead). Replayed changes go to the
 * client first, then it is joined to the rooms, so the next live change reaches it too.
 */
final class HubJoins {
  /** Catch-ups one request may need when the window outruns them; then it resyncs. */
  private static final int MAX_CATCH_UPS = 3;

  private final ReplayWindow window;
  private final ChangeDelivery delivery;
  private final SocketMetrics metrics;
  private final Predicate<SocketIOClient> connected;
  private final int maxEvents;
  private final int maxWaiting;
  private final long waitNanos;
  private final Deque<JoinRequest> waiting = new ArrayDeque<>();
  private CatchUps catchUps;

  HubJoins(
      ReplayWindow window,
      ChangeDelivery delivery,
      Predicate<SocketIOClient> connected,
      ReplaySettings settings,
      SocketMetrics metrics) {
    this.window = window;
    this.delivery = delivery;
    this.connected = connected;
    this.metrics = metrics;
    this.maxEvents = settings.maxEvents();
    this.maxWaiting = settings.catchUpQueue();
    this.waitNanos = settings.catchUpTimeout().toNanos();
  }

  void catchUps(CatchUps catchUps) {
    this.catchUps = catchUps;
  }

  void join(JoinRequest request) {
    Position since = request.since();
    if (!since.readable()) {
      finish(request, List.of(), true, ReplaySource.NONE);
    } else if (window.behind(since)) {
      if (waiting.size() >= maxWaiting) {
        refuse(request, "too many joins waiting for the change streams");
      } else {
        waiting.addLast(request);
      }
    } else if (window.holdsAfter(since)) {
      List<PreparedChange> changes = window.after(Map.of(), since, request.rooms());
      finish(request, changes, false, ReplaySource.WINDOW);
    } else if (!catchUps.submit(request)) {
      refuse(request, "too many catch-ups waiting (CATCHUP_QUEUE)");
    }
  }

  /** The streams moved on: joins that waited for them may go now. */
  void streamMoved() {
    if (waiting.isEmpty()) {
      return;
    }
    List<JoinRequest> ready = new ArrayList<>();
    for (Iterator<JoinRequest> it = waiting.iterator(); it.hasNext(); ) {
      JoinRequest request = it.next();
      if (!window.behind(request.since())) {
        it.remove();
        ready.add(request);
      }
    }
    ready.forEach(this::join);
  }

  /** Joins that waited too long for the streams resync (a stream down, or a bogus position). */
  void expireWaiting(long now) {
    while (!waiting.isEmpty() && waiting.peekFirst().olderThan(waitNanos, now)) {
      finish(waiting.removeFirst(), List.of(), true, ReplaySource.NONE);
    }
  }

  /** A catch-up's changes, then the window's after what it reached, then the live rooms. */
  void caughtUp(CatchUpResult result) {
    JoinRequest request = result.request();
    if (result.resync()) {
      finish(request, List.of(), true, ReplaySource.MONGODB);
      return;
    }
    Map<String, Position> windowFrom = new HashMap<>();
    for (Map.Entry<String, Position> reached : result.reached().entrySet()) {
      Coverage coverage = window.coverage(reached.getKey());
      if (!coverage.holdsAfter(reached.getValue())) {
        // The window moved past what the cursor read (a flood during the catch-up): read again.
        if (request.catchUps() >= MAX_CATCH_UPS || !catchUps.submit(request.again())) {
          finish(request, List.of(), true, ReplaySource.MONGODB);
        }
        return;
      }
      Position from = reached.getValue();
      windowFrom.put(reached.getKey(), from.isAfter(request.since()) ? from : request.since());
    }
    List<PreparedChange> changes = new ArrayList<>();
    for (CatchUpResult.Caught caught : result.changes()) {
      Position head = window.coverage(caught.database()).head();
      if (head != null && !caught.id().isAfter(head)) {
        changes.add(caught.change()); // later ones reach the hub live, after the join
      }
    }
    changes.addAll(window.after(windowFrom, request.since(), request.rooms()));
    finish(request, changes, false, ReplaySource.MONGODB);
  }

  private void finish(
      JoinRequest request, List<PreparedChange> changes, boolean resync, ReplaySource source) {
    SocketIOClient client = request.client();
    Map<String, RoomOutcome> outcomes = new LinkedHashMap<>();
    boolean replay = !resync && changes.size() <= maxEvents;
    Map<String, Integer> counts = new HashMap<>();
    if (replay) {
      List<SocketIOClient> one = List.of(client);
      for (PreparedChange change : changes) {
        delivery.deliver(change, one);
        counts.merge(change.room(), 1, Integer::sum);
      }
    }
    for (String room : request.rooms()) {
      outcomes.put(
          room, replay ? RoomOutcome.recovered(counts.getOrDefault(room, 0)) : RoomOutcome.RESYNC);
    }
    joinLive(client, request);
    metrics.replayed(replay, source, replay ? changes.size() : 0);
    request.answer().complete(outcomes);
  }

  private void joinLive(SocketIOClient client, JoinRequest request) {
    if (!connected.test(client)) {
      return; // gone meanwhile: joining would leave it in the rooms
    }
    synchronized (ConnectionGrants.of(client)) {
      client.joinRooms(request.rooms());
    }
  }

  private void refuse(JoinRequest request, String why) {
    metrics.replayRefused();
    request.answer().completeExceptionally(new ReplayRefused(why + "; nothing done"));
  }
}
