package io.roomcast.socket.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The backpressure of one stream: events requested from the driver and not yet received, plus
 * events passed to the listener and not yet handled, never exceed {@code limit}. Demand is topped
 * up in steps of at least {@link #REFILL} as the owner receives events, rather than by one message
 * to the owner per handled event: the thread handling events (the delivery hub) only counts them,
 * and sends the owner a message only when the owner, having nothing requested, asked to be told
 * ({@link #handled}). The counts are the owner's, but {@code handled} (counted by whichever thread
 * handles) and {@code wakeAt} (written by the owner, read by that thread).
 */
final class StreamDemand {
  private final long limit;
  private final long refill;
  private final Runnable wakeOwner;
  private final AtomicLong handled = new AtomicLong();
  private volatile long wakeAt = Long.MIN_VALUE;
  // Owner thread only:
  private long outstanding;
  private long passedOn;
  private long largest;

  /**
   * @param wakeOwner sends the owner a message to call {@link #toRequest} again
   */
  StreamDemand(int limit, Runnable wakeOwner) {
    this.limit = limit;
    this.refill = Math.max(1, limit / 4);
    this.wakeOwner = wakeOwner;
  }

  /** A new subscription: nothing is requested from it yet. */
  void subscribed() {
    outstanding = 0;
  }

  /** An event of the current subscription arrived. */
  void received() {
    outstanding--;
  }

  /** An event was passed to the listener, which will report it {@link #handled}. */
  void passedOn() {
    passedOn++;
  }

  /** The listener is done with one event; any thread. */
  void handled() {
    if (handled.incrementAndGet() == wakeAt) {
      wakeOwner.run();
    }
  }

  /**
   * How many more events to request now: none while less than a refill step is free. With nothing
   * requested, no event will come to call this again, so the handling thread is asked to wake the
   * owner once enough is handled; the count is read again after asking, in case it got there first.
   */
  long toRequest() {
    long free = limit - outstanding - (passedOn - handled.get());
    if (free >= refill) {
      outstanding += free;
      largest = Math.max(largest, outstanding);
      return free;
    }
    if (outstanding == 0) {
      long enoughHandled = passedOn - (limit - refill);
      wakeAt = enoughHandled;
      if (handled.get() >= enoughHandled) {
        return toRequest();
      }
    }
    return 0;
  }

  /** The most events ever requested and not yet received. */
  long largest() {
    return largest;
  }
}
