package io.roomcast.socket.replay;

import java.util.Map;

/**
 * What the hub holds of one watched database's changes: every change after {@code floor} up to
 * {@code head}. The floor rises as the window forgets changes, and jumps when the stream restarts
 * from now (its history was lost); the head follows the stream's events and idle positions. Owned
 * by the hub thread.
 */
final class Coverage {
  private final String database;

  /** Where the floors are published for the catch-up threads (written by the hub only). */
  private final Map<String, Position> publishedFloors;

  /** Changes after it are all held (or were routed nowhere); null: not known yet. */
  private Position floor;

  /** The latest position the stream reached; null before it opened. */
  private Position head;

  /** The stream opened from now without telling its start: its first event sets the floor. */
  private boolean floorAtFirstEvent;

  Coverage(String database, Map<String, Position> publishedFloors) {
    this.database = database;
    this.publishedFloors = publishedFloors;
  }

  private void setFloor(Position position) {
    floor = position;
    if (position == null) {
      publishedFloors.remove(database);
    } else {
      publishedFloors.put(database, position);
    }
  }

  /** The stream opened from now at {@code start} (null: its first event marks the start). */
  void openedFromNow(Position start) {
    setFloor(start);
    head = start;
    floorAtFirstEvent = start == null;
  }

  /** An event at {@code id} reached the hub. */
  void event(Position id) {
    if (floorAtFirstEvent) {
      setFloor(id); // conservative: that first event is held, but nothing before it is
      floorAtFirstEvent = false;
    }
    head = id;
  }

  /** The stream read everything up to {@code position} without an event. */
  void idle(Position position) {
    if (head == null || position.isAfter(head)) {
      head = position;
    }
    if (floor == null && !floorAtFirstEvent) {
      setFloor(position); // a stream resumed before the hub knew it: held from here on
    }
  }

  /** The window forgot the change at {@code id}: nothing at or before it is held any more. */
  void forgot(Position id) {
    if (floor == null || id.isAfter(floor)) {
      setFloor(id);
    }
  }

  /** Whether every change after {@code since} up to the head is held. */
  boolean holdsAfter(Position since) {
    return floor != null && !floor.isAfter(since);
  }

  /** Whether {@code since} lies beyond what the stream has read so far. */
  boolean behind(Position since) {
    return head == null || since.isAfter(head);
  }

  Position head() {
    return head;
  }
}
