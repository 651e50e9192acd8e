package io.roomcast.socket.replay;

/**
 * How a join with a position went for one room: {@code recovered} with the number of changes
 * replayed, or {@code resync} when the position could not be replayed (the client is joined to the
 * live changes either way).
 */
public record RoomOutcome(boolean recovered, int replayed) {
  static final RoomOutcome RESYNC = new RoomOutcome(false, 0);

  static RoomOutcome recovered(int replayed) {
    return new RoomOutcome(true, replayed);
  }

  /** Whether the client must fetch the room's state again: its changes could not be replayed. */
  public boolean resync() {
    return !recovered;
  }
}
