package io.roomcast.bench;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's I/O loop with its wakeups coalesced, as a network card moderates its
 * interrupts: after a pass that handled a few connections, the loop waits {@code pauseNanos} (or
 * until a task arrives) before it polls again, so that the next pass finds the frames of many
 * connections ready at once. Without it, a loop that keeps up is woken for every frame or two of a
 * room's burst, and on a virtual machine each wakeup (a cross-CPU interrupt, a context switch, one
 * more epoll_wait) costs more than reading the frame. Frames that arrive during the wait are read
 * at most {@code pauseNanos} late, the same for every server; a pass that found many connections
 * ready (the loop is behind) is followed by no wait at all.
 */
final class CoalescingIoHandler implements IoHandler {
  /** Below this many connections handled in a pass the loop is keeping up, and may wait. */
  private static final int KEEPING_UP = 64;

  private final IoHandler delegate;
  private final long pauseNanos;
  private volatile Thread loop;

  private CoalescingIoHandler(IoHandler delegate, long pauseNanos) {
    this.delegate = delegate;
    this.pauseNanos = pauseNanos;
  }

  static IoHandlerFactory wrap(IoHandlerFactory factory, long pauseNanos) {
    return executor -> new CoalescingIoHandler(factory.newHandler(executor), pauseNanos);
  }

  @Override
  public void initialize() {
    loop = Thread.currentThread();
    delegate.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    int handled = delegate.run(context);
    if (handled > 0 && handled < KEEPING_UP && context.canBlock()) {
      LockSupport.parkNanos(pauseNanos); // the loop's own pacing; wakeup() ends it early
    }
    return handled;
  }

  @Override
  public void prepareToDestroy() {
    delegate.prepareToDestroy();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return delegate.register(handle);
  }

  @Override
  public void wakeup() {
    delegate.wakeup();
    Thread waiting = loop;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return delegate.isCompatible(handleType);
  }
}
