package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingWritesTest {
  @Test
  void aSessionWrittenTwiceBeforeAFlushIsWrittenOnceWithItsLatestRooms() {
    PendingWrites pending = new PendingWrites(10);
    pending.put("a", Set.of("r1"));
    pending.put("b", Set.of("r2"));
    pending.put("a", Set.of("r1", "r3"));
    assertEquals(
        List.of(
            new PendingWrites.Write("a", Set.of("r1", "r3")),
            new PendingWrites.Write("b", Set.of("r2"))),
        pending.take(10));
    assertEquals(0, pending.size());
  }

  @Test
  void pastItsLimitANewSessionIsRefusedButAQueuedOneStillUpdates() {
    PendingWrites pending = new PendingWrites(2);
    assertTrue(pending.put("a", Set.of()));
    assertTrue(pending.put("b", Set.of()));
    assertFalse(pending.put("c", Set.of("r")), "past the limit");
    assertTrue(pending.put("a", Set.of("r")), "coalesced into its queued record");
    assertEquals(2, pending.size());
  }

  @Test
  void takeReturnsAtMostABatchOldestFirst() {
    PendingWrites pending = new PendingWrites(10);
    for (String id : List.of("a", "b", "c")) {
      pending.put(id, Set.of());
    }
    assertEquals("a", pending.take(2).get(0).sessionId());
    assertEquals(List.of(new PendingWrites.Write("c", Set.of())), pending.take(2));
  }
}
