package io.roomcast.socket.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PositionTest {
  private static final String EVENT = "8266F1A2B3000000012B0429296E1404";

  @Test
  void tokensOrderByClusterTimeAndReadTheirTime() {
    Position earlier = Position.of("8266F1A2B3000000012B04");
    Position later = Position.of("8266F1A2B3000000022B04");
    assertTrue(later.isAfter(earlier));
    assertEquals(new BsonTimestamp(0x66F1A2B3, 1), earlier.clusterTime());
  }

  @Test
  void aSnapshotPositionSortsAfterEveryChangeAtItsTimeAndBeforeLaterOnes() {
    BsonTimestamp read = new BsonTimestamp(0x66F1A2B3, 1);
    Position snapshot = Position.afterClusterTime(read);
    assertEquals("8266F1A2B300000002", snapshot.data());
    assertTrue(snapshot.isAfter(Position.of(EVENT)), "the change at the read time is included");
    assertTrue(Position.of("8266F1A2B3000000022B04").isAfter(snapshot), "a later one follows");
  }

  @Test
  void lowercaseHexIsTheSamePosition() {
    assertEquals(Position.of(EVENT), Position.of(EVENT.toLowerCase()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "zz",
        "8266F1",
        "9166F1A2B3000000012B04",
        "8266F1A2B30000000G2B04",
        "8266F1A2B3000000012"
      })
  void otherTextsAreKeptButNotReadable(String text) {
    assertFalse(Position.of(text).readable());
  }

  @Test
  void aVeryLongTextIsNotReadable() {
    assertFalse(Position.of("82" + "0".repeat(Position.MAX_CHARS)).readable());
  }
}
