package io.roomcast.socket.emit;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Arrays;

/**
 * The channels one event loop has written frames to without flushing them, flushed once each when
 * the loop has run the tasks it had queued (Netty's tasks "after the event loop iteration"): when
 * several changes wait on a loop, each channel gets their frames in one write syscall instead of
 * one each. Only then: a frame-writing task with nothing queued behind it flushes as it writes
 * ({@link #worthDeferring}), which keeps one duplicate and one outbound entry in flight instead of
 * one per channel (Netty recycles those from a small per-thread batch). Nothing waits for changes
 * still to come: the flush follows the tasks already queued, and at most {@link #MAX_TASKS} of
 * them, so a long queue still sends as it goes. Order is kept, since a flush only sends what was
 * written, in the order written. One instance per loop thread, touched by that thread only.
 */
final class LoopFlushes implements Runnable {
  /** Frame-writing tasks whose channels may wait for one flush: at most this many frames each. */
  static final int MAX_TASKS = 16;

  private static final FastThreadLocal<LoopFlushes> OF_THIS_LOOP =
      new FastThreadLocal<>() {
        @Override
        protected LoopFlushes initialValue() {
          return new LoopFlushes();
        }
      };

  private final FrameWrites[] written = new FrameWrites[MAX_TASKS];
  private int tasks;
  private boolean scheduled;

  private LoopFlushes() {}

  /**
   * Whether a task running on {@code loop} (the calling thread) should leave its flushes to {@link
   * #later}: the loop runs tasks after its iterations and has tasks queued (other changes to
   * coalesce with, or a flush already scheduled, which counts as one).
   */
  static boolean worthDeferring(EventLoop loop) {
    return loop instanceof SingleThreadIoEventLoop deferring && deferring.pendingTasks() > 0;
  }

  /**
   * Remembers the channels {@code writes} (a task running on {@code loop}, the calling thread, for
   * which {@link #worthDeferring} was true) has written to, to be flushed when the loop has run its
   * queued tasks.
   */
  static void later(SingleThreadIoEventLoop loop, FrameWrites writes) {
    LoopFlushes flushes = OF_THIS_LOOP.get();
    if (!flushes.scheduled) {
      loop.executeAfterEventLoopIteration(flushes);
      flushes.scheduled = true;
    } else if (flushes.tasks == MAX_TASKS) {
      flushes.flushAll(); // a long queue: send what is written so far, defer the rest
    }
    flushes.written[flushes.tasks++] = writes;
  }

  /** The loop ran its queued tasks: flush each channel written to since. */
  @Override
  public void run() {
    try {
      flushAll();
    } finally {
      scheduled = false;
    }
  }

  /**
   * Flushes every remembered channel. A channel written by several tasks sends all its frames at
   * its first flush; the later ones find nothing unflushed and cost a few calls.
   */
  private void flushAll() {
    try {
      for (int t = 0; t < tasks; t++) {
        written[t].flush();
      }
    } finally {
      Arrays.fill(written, 0, tasks, null);
      tasks = 0;
    }
  }
}
