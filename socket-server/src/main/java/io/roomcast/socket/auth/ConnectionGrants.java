package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import io.roomcast.common.auth.Grants;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * What one connection has been granted, room by room, with each grant's end. Kept in the client's
 * store for its lifetime. Not thread-safe on its own: every reader and writer holds this object's
 * monitor ({@link #of(SocketIOClient)} gives the one instance of a session), which is also the lock
 * under which the connection's rooms are joined and left.
 */
public final class ConnectionGrants {
  static final String KEY = "roomcast.grants";

  private final int maxRooms;

  /** Empty and shared until a first room is granted (open rooms never grant one). */
  private Map<String, Instant> rooms = Map.of();

  private Instant allRoomsUntil = Instant.MIN;
  private ScheduledFuture<?> expiryCheck;
  private int pendingWebhookCalls;

  /**
   * Rooms passed by the room limit whose join completes later (after a replay or a snapshot): they
   * count against the limit until then, so concurrent joins cannot each pass it.
   */
  private final Set<String> joining = new HashSet<>();

  private final Set<String> leftWhileJoining = new HashSet<>();

  private ConnectionGrants(int maxRooms) {
    this.maxRooms = maxRooms;
  }

  /** Attaches empty grants to a new connection (at its handshake, before any event of it). */
  static ConnectionGrants attach(SocketIOClient client, int maxRooms) {
    ConnectionGrants grants = new ConnectionGrants(maxRooms);
    client.set(KEY, grants);
    return grants;
  }

  /** The connection's grants; empty ones (granting nothing) if none were attached. */
  public static ConnectionGrants of(SocketIOClient client) {
    ConnectionGrants grants = client.get(KEY);
    return grants != null ? grants : new ConnectionGrants(0);
  }

  /**
   * Adds what a token grants, extending any earlier grant of the same room. Refuses (and changes
   * nothing) when the connection would then hold grants for more than the limit of rooms.
   */
  boolean add(Grants grants, Instant now) {
    prune(now);
    if (grants.allRooms()) {
      allRoomsUntil = later(allRoomsUntil, grants.expiresAt());
      return true;
    }
    Map<String, Instant> added = new HashMap<>();
    for (String room : grants.rooms()) {
      added.put(room, grants.expiresAt());
    }
    return addRooms(added, now);
  }

  /** Adds rooms each granted until its own instant; same limit as {@link #add}. */
  boolean addRooms(Map<String, Instant> granted, Instant now) {
    prune(now);
    long newRooms = granted.keySet().stream().filter(room -> !rooms.containsKey(room)).count();
    if (rooms.size() + newRooms > maxRooms) {
      return false;
    }
    if (!(rooms instanceof HashMap)) {
      rooms = new HashMap<>();
    }
    granted.forEach((room, until) -> rooms.merge(room, until, ConnectionGrants::later));
    return true;
  }

  /** Until when the room is granted, or null when it is not (or no longer) granted. */
  Instant grantedUntil(String room, Instant now) {
    Instant until = later(allRoomsUntil, rooms.getOrDefault(room, Instant.MIN));
    return now.isBefore(until) ? until : null;
  }

  private void prune(Instant now) {
    for (Iterator<Instant> it = rooms.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next())) {
        it.remove();
      }
    }
  }

  /** Counts a webhook call about to start; false (and nothing counted) when at the limit. */
  boolean startWebhookCall(int limit) {
    if (pendingWebhookCalls >= limit) {
      return false;
    }
    pendingWebhookCalls++;
    return true;
  }

  void endWebhookCall() {
    pendingWebhookCalls--;
  }

  /** Rooms whose join is in progress (a copy). */
  public Set<String> joining() {
    return Set.copyOf(joining);
  }

  /** Counts the rooms against the limit until {@link #joiningEnded}. */
  public void joiningStarted(Set<String> rooms) {
    joining.addAll(rooms);
  }

  /**
   * The connection left these rooms: those still joining are to be left as soon as their join ends,
   * which would otherwise put the connection back in them.
   */
  public void left(Set<String> rooms) {
    for (String room : rooms) {
      if (joining.contains(room)) {
        leftWhileJoining.add(room);
      }
    }
  }

  /** The connection asked for these rooms again: none of them is to be left after its join. */
  public void wanted(Set<String> rooms) {
    leftWhileJoining.removeAll(rooms);
  }

  /**
   * The rooms' join is over (joined, or given up): they no longer count as joining. Returns those
   * of them the connection left meanwhile, for the caller to leave now.
   */
  public Set<String> joiningEnded(Set<String> rooms) {
    joining.removeAll(rooms);
    Set<String> leave = new HashSet<>(rooms);
    leave.retainAll(leftWhileJoining);
    leftWhileJoining.removeAll(leave);
    return leave;
  }

  /** The pending expiry check, replaced whenever the earliest end among joined rooms changes. */
  ScheduledFuture<?> expiryCheck() {
    return expiryCheck;
  }

  void expiryCheck(ScheduledFuture<?> check) {
    this.expiryCheck = check;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
