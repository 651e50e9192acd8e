package io.roomcast.socket.stream;

import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One subscription to a change stream with bounded demand: a batch of events is requested up front
 * and one more only after an event has been handled, so the driver never buffers more than a batch.
 * A subscription its owner has replaced or closed ignores whatever still arrives.
 */
final class BoundedSubscriber implements Subscriber<BsonDocument> {
  /** What the subscription reports to; called on the driver's threads. */
  interface Owner {
    /** Whether this subscription is still the one the owner listens to. */
    boolean isCurrent(BoundedSubscriber subscriber);

    /** Handles one event; false ends this subscription (the stream is over). */
    boolean onEvent(BsonDocument event);

    /** The stream failed (error) or completed (null). */
    void onEnd(Throwable error);
  }

  private final int batch;
  private final Owner owner;
  private final AtomicLong largestDemand;
  private final AtomicLong outstanding = new AtomicLong();
  private volatile Subscription subscription;
  private volatile boolean cancelled;

  BoundedSubscriber(int batch, Owner owner, AtomicLong largestDemand) {
    this.batch = batch;
    this.owner = owner;
    this.largestDemand = largestDemand;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
    } else {
      request(batch);
    }
  }

  private void request(long events) {
    largestDemand.accumulateAndGet(outstanding.addAndGet(events), Math::max);
    subscription.request(events);
  }

  @Override
  public void onNext(BsonDocument event) {
    outstanding.decrementAndGet();
    if (!live()) {
      return;
    }
    if (owner.onEvent(event)) {
      request(1); // one handled, one more may come: the demand never grows
    } else {
      cancel();
    }
  }

  @Override
  public void onError(Throwable error) {
    if (live()) {
      owner.onEnd(error);
    }
  }

  @Override
  public void onComplete() {
    if (live()) {
      owner.onEnd(null);
    }
  }

  private boolean live() {
    return !cancelled && owner.isCurrent(this);
  }

  /** Stops the subscription; the driver kills the cursor. */
  void cancel() {
    cancelled = true;
    Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
