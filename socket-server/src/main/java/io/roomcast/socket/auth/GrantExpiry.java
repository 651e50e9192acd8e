package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a connection out of the rooms whose grant has ended and tells it with {@code
 * roomcast:expired} {@code {"rooms": [...]}}; it may present a new token and join again. One timer
 * thread; each connection has at most one pending check, at the earliest end among its joined
 * rooms. Nothing here is on the emit path: events only look at room membership.
 */
public final class GrantExpiry implements AutoCloseable {
  public static final String EXPIRED_EVENT = "roomcast:expired";

  private static final Logger LOG = LoggerFactory.getLogger(GrantExpiry.class);

  private final ScheduledExecutorService timer;
  private final boolean tracksGrants;

  private GrantExpiry(ScheduledExecutorService timer, boolean tracksGrants) {
    this.timer = timer;
    this.tracksGrants = tracksGrants;
  }

  /**
   * @param tracksGrants false in {@code open} mode, where nothing is granted nor expires
   */
  static GrantExpiry start(boolean tracksGrants) {
    return new GrantExpiry(
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "room-grant-expiry");
              thread.setDaemon(true);
              return thread;
            }),
        tracksGrants);
  }

  /**
   * Plans the next check after the client's rooms or grants changed. The caller holds the grants'
   * monitor. In {@code open} mode nothing is ever checked.
   */
  public void reschedule(SocketIOClient client, ConnectionGrants grants) {
    if (!tracksGrants) {
      return;
    }
    Instant now = Instant.now();
    Instant earliest = null;
    for (String room : JoinedRooms.of(client)) {
      Instant until = grants.grantedUntil(room, now);
      Instant end = until == null ? now : until;
      if (earliest == null || end.isBefore(earliest)) {
        earliest = end;
      }
    }
    cancel(grants);
    if (earliest != null) {
      long delay = Math.max(0, Duration.between(now, earliest).toMillis());
      grants.expiryCheck(timer.schedule(() -> check(client, grants), delay, TimeUnit.MILLISECONDS));
    }
  }

  private void check(SocketIOClient client, ConnectionGrants grants) {
    synchronized (grants) {
      Instant now = Instant.now();
      Set<String> expired = new TreeSet<>();
      for (String room : JoinedRooms.of(client)) {
        if (grants.grantedUntil(room, now) == null) {
          expired.add(room);
        }
      }
      if (!expired.isEmpty()) {
        client.leaveRooms(expired);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        expired.forEach(event.putArray("rooms")::add);
        client.sendEvent(EXPIRED_EVENT, event);
        LOG.debug("session {}: grant ended for {} rooms", client.getSessionId(), expired.size());
      }
      reschedule(client, grants);
    }
  }

  /** Drops the pending check (the connection closed, or a new one is planned). */
  void cancel(ConnectionGrants grants) {
    if (grants.expiryCheck() != null) {
      grants.expiryCheck().cancel(false);
      grants.expiryCheck(null);
    }
  }

  /** Closes a refused connection after its error had time to reach the client. */
  void disconnectSoon(SocketIOClient client, Duration grace) {
    timer.schedule(client::disconnect, grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
