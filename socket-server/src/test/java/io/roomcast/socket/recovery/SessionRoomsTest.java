package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the refresh of connected sessions' records is spread (the writes: ConnectionRecoveryIT). */
class SessionRoomsTest {
  @Test
  void everySessionFallsInOneRefreshSliceAndThePopulationSpreadsOverAll() {
    Set<Integer> slices = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String sessionId = UUID.randomUUID().toString();
      int slice = SessionRooms.sliceOf(sessionId);
      assertTrue(slice >= 0 && slice < SessionRooms.REFRESH_SLICES, "slice " + slice);
      assertEquals(slice, SessionRooms.sliceOf(sessionId), "the same slice every time");
      slices.add(slice);
    }
    assertEquals(SessionRooms.REFRESH_SLICES, slices.size(), "2,000 sessions over every slice");
  }
}
