package io.roomcast.socket.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Requested plus unhandled events stay within the limit; demand grows in refill steps, and a stream
 * with nothing requested is woken once enough events are handled, not once per event.
 */
class StreamDemandTest {
  private final AtomicInteger wakes = new AtomicInteger();
  private final StreamDemand demand = new StreamDemand(256, wakes::incrementAndGet);

  private void requestAllOfANewSubscription() {
    demand.subscribed();
    assertEquals(256, demand.toRequest());
  }

  private void receive(int events) {
    for (int i = 0; i < events; i++) {
      demand.received();
      demand.passedOn();
    }
  }

  private void handle(int events) {
    for (int i = 0; i < events; i++) {
      demand.handled();
    }
  }

  @Test
  void theWholeLimitIsRequestedUpFrontThenInRefillSteps() {
    requestAllOfANewSubscription();
    receive(10);
    handle(10);
    assertEquals(0, demand.toRequest(), "10 free: less than a step");
    receive(60);
    handle(60);
    assertEquals(70, demand.toRequest());
    assertEquals(256, demand.largest());
    assertEquals(0, wakes.get(), "events were still requested: their arrival tops up");
  }

  @Test
  void aStreamWaitingOnItsListenerIsWokenOnceAStepIsHandled() {
    requestAllOfANewSubscription();
    receive(256);
    assertEquals(0, demand.toRequest(), "everything is with the listener");
    int[] wakesAfterEach = new int[164];
    for (int i = 0; i < wakesAfterEach.length; i++) {
      demand.handled();
      wakesAfterEach[i] = wakes.get();
    }
    assertEquals(0, wakesAfterEach[62], "63 handled: less than a step");
    assertEquals(1, wakesAfterEach[63], "64 handled: the owner is told");
    assertEquals(1, wakesAfterEach[163], "once, however many are handled after");
    assertEquals(164, demand.toRequest());
  }

  @Test
  void eventsHandledBeforeTheOwnerLooksNeedNoMessage() {
    requestAllOfANewSubscription();
    receive(256);
    handle(64); // before the owner looked: it finds them when it does
    assertEquals(64, demand.toRequest());
    assertEquals(0, wakes.get());
  }

  @Test
  void aNewSubscriptionCountsWhatTheListenerStillHolds() {
    requestAllOfANewSubscription();
    receive(150);
    demand.subscribed(); // the stream reopened; 150 events are still with the listener
    assertEquals(106, demand.toRequest());
  }
}
