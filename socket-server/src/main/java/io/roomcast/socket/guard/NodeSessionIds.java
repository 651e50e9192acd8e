package io.roomcast.socket.guard;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The session ids one node issues: its node id in the first byte, so that a proxy can route every
 * request of a session to the node holding it by the sid's first two hex digits, and 120 bits from
 * {@link SecureRandom} in the other fifteen. A UUID only as netty-socketio types the sid (its text
 * is what clients see): there is no version or variant field, since those would cost random bits.
 * 120 random bits keep a sid as unguessable as it must be (issue 9); the node id is no secret.
 */
public final class NodeSessionIds {
  /** Random bits per sid: 128 minus the node byte. */
  static final int RANDOM_BITS = 120;

  private static final int NODE_SHIFT = 56;
  private static final long RANDOM_HIGH = (1L << NODE_SHIFT) - 1;

  // SecureRandom is safe for concurrent use: every event loop draws from this one.
  private final SecureRandom random = new SecureRandom();
  private final long node;

  /**
   * @param nodeId 0 to 255 (NODE_ID, validated by the configuration)
   */
  public NodeSessionIds(int nodeId) {
    if (nodeId < 0 || nodeId > 0xff) {
      throw new IllegalArgumentException("node id out of 0..255: " + nodeId);
    }
    this.node = (long) nodeId << NODE_SHIFT;
  }

  /** A new sid: this node's byte, then 120 fresh random bits. */
  UUID next() {
    return new UUID(node | (random.nextLong() & RANDOM_HIGH), random.nextLong());
  }

  /** The node that issued {@code sid}: its first byte. */
  static int nodeOf(UUID sid) {
    return (int) (sid.getMostSignificantBits() >>> NODE_SHIFT);
  }
}
