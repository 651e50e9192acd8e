package io.roomcast.socket.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.socket.emit.PreparedChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window's bounds and what it can say about a position. */
class ReplayWindowTest {
  private static final String ROOM = "3b241101-e2bb-4255-8caf-4136c566a962";

  private static Position at(int n) {
    return Position.of(String.format("82%016X", 0x66F1A2B300000000L + n));
  }

  private static PreparedChange change(int n) {
    return new PreparedChange(
        "items",
        ROOM,
        at(n).data(),
        PreparedChange.preEncoded("{\"n\":" + n + "}"),
        PreparedChange.preEncoded("{}"));
  }

  private static ReplayWindow filled(int maxEvents, int changes) {
    ReplayWindow window = new ReplayWindow(maxEvents, Long.MAX_VALUE, Duration.ofMinutes(2));
    window.coverage("app").openedFromNow(at(0));
    for (int n = 1; n <= changes; n++) {
      window.add("app", at(n), change(n), n);
    }
    return window;
  }

  @Test
  void holdsEverythingAfterItsStartUntilItForgets() {
    ReplayWindow window = filled(5, 8);
    assertEquals(5, window.size());
    assertFalse(window.holdsAfter(at(2)), "changes 1-3 were forgotten");
    assertTrue(window.holdsAfter(at(3)));
    assertEquals(
        List.of(change(6).id(), change(7).id(), change(8).id()),
        window.after(Map.of(), at(5), Set.of(ROOM)).stream().map(PreparedChange::id).toList());
    assertTrue(window.after(Map.of(), at(5), Set.of("other")).isEmpty());
  }

  @Test
  void forgetsByAge() {
    ReplayWindow window = new ReplayWindow(100, Long.MAX_VALUE, Duration.ofNanos(10));
    window.coverage("app").openedFromNow(at(0));
    window.add("app", at(1), change(1), 0);
    window.add("app", at(2), change(2), 100);
    window.expire(105);
    assertEquals(1, window.size());
    assertTrue(window.holdsAfter(at(1)));
    assertFalse(window.holdsAfter(at(0)));
  }

  @Test
  void forgetsByBytes() {
    ReplayWindow window = new ReplayWindow(100, 20, Duration.ofMinutes(2));
    window.coverage("app").openedFromNow(at(0));
    for (int n = 1; n <= 5; n++) {
      window.add("app", at(n), change(n), n);
    }
    assertTrue(window.bytes() <= 20, "bytes " + window.bytes());
  }

  @Test
  void aPositionBeyondTheStreamWaits() {
    ReplayWindow window = filled(5, 3);
    assertTrue(window.behind(at(4)));
    assertFalse(window.behind(at(3)));
    assertTrue(new ReplayWindow(5, 5, Duration.ofMinutes(1)).behind(at(1)), "no stream yet");
  }
}
