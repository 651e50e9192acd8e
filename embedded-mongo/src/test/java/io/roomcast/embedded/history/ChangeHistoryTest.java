package io.roomcast.embedded.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeHistoryTest {

  @Test
  void readsByPositionInOrderWithIncreasingClusterTimes() throws Exception {
    ChangeHistory history = new ChangeHistory(10_000, Long.MAX_VALUE);
    for (int i = 0; i < 3_000; i++) {
      history.append(insert(i));
    }
    List<ChangeEvent> events = history.read(1_500, 10);
    assertEquals(10, events.size());
    assertEquals(1_500, events.get(0).sequence());
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).clusterTime().compareTo(events.get(i - 1).clusterTime()) > 0);
    }
    assertEquals(10, history.stats().examinedEvents(), "a read costs what it returns");
  }

  @Test
  void trimsTheOldestBeyondTheEventBoundAndReportsHistoryLost() throws Exception {
    ChangeHistory history = new ChangeHistory(100, Long.MAX_VALUE);
    for (int i = 0; i < 250; i++) {
      history.append(insert(i));
    }
    assertEquals(100, history.stats().retainedEvents());
    assertEquals(150, history.stats().firstSequence());
    assertThrows(HistoryLostException.class, () -> history.read(149, 1));
    assertEquals(150, history.read(150, 1).get(0).sequence());
  }

  @Test
  void trimsBeyondTheByteBoundButKeepsTheNewest() {
    ChangeHistory history = new ChangeHistory(1_000, 1);
    history.append(insert(1));
    history.append(insert(2));
    assertEquals(1, history.stats().retainedEvents());
    assertEquals(1, history.stats().firstSequence());
  }

  @Test
  void findsTheFirstEventAtAnOperationTime() throws Exception {
    ChangeHistory history = new ChangeHistory(1_000, Long.MAX_VALUE);
    for (int i = 0; i < 20; i++) {
      history.append(insert(i));
    }
    BsonTimestamp seventh = history.read(7, 1).get(0).clusterTime();
    assertEquals(7, history.sequenceAt(seventh));
    assertEquals(20, history.sequenceAt(new BsonTimestamp(Long.MAX_VALUE)));
  }

  @Test
  void anOperationTimeBeforeTrimmedEventsIsHistoryLost() {
    ChangeHistory history = new ChangeHistory(5, Long.MAX_VALUE);
    for (int i = 0; i < 10; i++) {
      history.append(insert(i));
    }
    assertThrows(HistoryLostException.class, () -> history.sequenceAt(new BsonTimestamp(0)));
  }

  private static ChangeDraft insert(int id) {
    return new ChangeDraft(
        ChangeKind.INSERT, "db", "c", id, new Document("_id", id), null, false, null);
  }
}
