package io.roomcast.embedded.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Subscribes to an endless publisher (a change stream) and records what arrives, for tests that
 * then wait with Awaitility. Close it to cancel the subscription.
 */
public final class StreamRecorder<T> implements Subscriber<T>, AutoCloseable {
  private final List<T> items = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> error = new AtomicReference<>();
  private final AtomicReference<Subscription> subscription = new AtomicReference<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private volatile boolean completed;

  /** Subscribes and waits until the publisher has accepted the subscription. */
  public static <T> StreamRecorder<T> record(Publisher<T> publisher) {
    StreamRecorder<T> recorder = new StreamRecorder<>();
    publisher.subscribe(recorder);
    try {
      if (!recorder.subscribed.await(Reactive.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no subscription within " + Reactive.TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return recorder;
  }

  /** What arrived so far, in order. */
  public List<T> items() {
    return List.copyOf(items);
  }

  /** The error that ended the stream, or null. */
  public Throwable error() {
    return error.get();
  }

  public boolean isCompleted() {
    return completed;
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription.set(s);
    s.request(Long.MAX_VALUE);
    subscribed.countDown();
  }

  @Override
  public void onNext(T item) {
    items.add(item);
  }

  @Override
  public void onError(Throwable t) {
    error.set(t);
  }

  @Override
  public void onComplete() {
    completed = true;
  }

  @Override
  public void close() {
    Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }
}
