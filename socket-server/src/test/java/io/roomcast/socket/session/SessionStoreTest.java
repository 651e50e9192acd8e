package io.roomcast.socket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.store.Store;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compact per-session store behaves as netty-socketio's map-backed one. */
class SessionStoreTest {
  private final Store store = new SessionStores().createStore(UUID.randomUUID());

  @Test
  void setGetHasAndDeleteEachKeyOnItsOwn() {
    assertNull(store.get("a"));
    store.set("a", 1);
    store.set("b", "two");
    store.set("c", 3.0);
    assertEquals(1, (Integer) store.get("a"));
    assertEquals("two", store.get("b"));
    assertTrue(store.has("c"));

    store.set("b", "second");
    assertEquals("second", store.get("b"));

    store.del("b");
    assertFalse(store.has("b"));
    assertNull(store.get("b"));
    assertEquals(1, (Integer) store.get("a"));
    assertEquals(3.0, (Double) store.get("c"));

    store.del("a");
    store.del("c");
    store.del("absent");
    assertFalse(store.has("a"));
    assertFalse(store.has("c"));
  }

  @Test
  void nullKeysAndValuesAreRefusedAsByTheMap() {
    assertThrows(NullPointerException.class, () -> store.set(null, 1));
    assertThrows(NullPointerException.class, () -> store.set("a", null));
  }

  @Test
  void writersOnManyThreadsLoseNothing() throws InterruptedException {
    Thread[] writers = new Thread[4];
    for (int t = 0; t < writers.length; t++) {
      String prefix = "t" + t + "-";
      writers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  store.set(prefix + i, i);
                  if (i % 2 == 1) {
                    store.del(prefix + i);
                  }
                }
              });
      writers[t].start();
    }
    for (Thread writer : writers) {
      writer.join();
    }
    for (int t = 0; t < writers.length; t++) {
      for (int i = 0; i < 200; i++) {
        assertEquals(i % 2 == 0, store.has("t" + t + "-" + i), "t" + t + "-" + i);
      }
    }
  }
}
