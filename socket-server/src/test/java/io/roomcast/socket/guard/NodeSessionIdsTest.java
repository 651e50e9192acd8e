package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeSessionIdsTest {
  private static final int SIDS = 2_000;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 0xab, 255})
  void everySidCarriesItsNodeInItsFirstTwoHexDigits(int node) {
    NodeSessionIds ids = new NodeSessionIds(node);
    String prefix = String.format("%02x", node);
    for (int i = 0; i < 100; i++) {
      UUID sid = ids.next();
      assertEquals(node, NodeSessionIds.nodeOf(sid));
      assertTrue(sid.toString().startsWith(prefix), sid + " of node " + node);
      assertEquals(sid, SessionIds.parse(sid.toString()), "issued in the form the guard accepts");
    }
  }

  /**
   * 120 random bits by construction: across many sids every bit but the node's 8 takes both values
   * (a fixed version or variant field would not), and no sid repeats.
   */
  @Test
  void theOther120BitsAreRandom() {
    NodeSessionIds ids = new NodeSessionIds(0x5a);
    BigInteger seenOne = BigInteger.ZERO;
    BigInteger seenZero = BigInteger.ZERO;
    BigInteger all = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    Set<UUID> sids = new HashSet<>();
    for (int i = 0; i < SIDS; i++) {
      UUID sid = ids.next();
      sids.add(sid);
      BigInteger bits = bits(sid);
      seenOne = seenOne.or(bits);
      seenZero = seenZero.or(bits.xor(all));
    }
    assertEquals(SIDS, sids.size());
    BigInteger varying = seenOne.and(seenZero);
    assertEquals(NodeSessionIds.RANDOM_BITS, varying.bitCount());
    assertEquals(
        BigInteger.ONE.shiftLeft(NodeSessionIds.RANDOM_BITS).subtract(BigInteger.ONE), varying);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256})
  void aNodeIdOutsideOneByteIsRefused(int node) {
    assertThrows(IllegalArgumentException.class, () -> new NodeSessionIds(node));
  }

  /** The sid's 128 bits, read from its text as clients see it. */
  private static BigInteger bits(UUID sid) {
    return new BigInteger(sid.toString().replace("-", ""), 16);
  }
}
