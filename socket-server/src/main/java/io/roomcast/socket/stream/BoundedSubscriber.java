package io.roomcast.socket.stream;

import org.bson.BsonDocument;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The driver's side of one subscription to a change stream: it only forwards what the driver
 * signals (on the driver's threads) to the stream's owner as messages. The owner decides about
 * demand and calls {@link #request} and {@link #cancel} from its own thread only, so they are
 * serial as Reactive Streams requires; the subscription handle is the only field the driver sets.
 */
final class BoundedSubscriber implements Subscriber<BsonDocument> {
  /** What the subscription reports to; each method only enqueues a message for the owner. */
  interface Owner {
    void onSubscribed(BoundedSubscriber subscriber);

    void onEvent(BoundedSubscriber subscriber, BsonDocument event);

    /** The stream failed (error) or completed (null). */
    void onEnd(BoundedSubscriber subscriber, Throwable error);
  }

  private final Owner owner;
  private volatile Subscription subscription;

  BoundedSubscriber(Owner owner) {
    this.owner = owner;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    this.subscription = subscription;
    owner.onSubscribed(this);
  }

  @Override
  public void onNext(BsonDocument event) {
    owner.onEvent(this, event);
  }

  @Override
  public void onError(Throwable error) {
    owner.onEnd(this, error);
  }

  @Override
  public void onComplete() {
    owner.onEnd(this, null);
  }

  /** Asks for more events; the owner's thread only, after {@link Owner#onSubscribed}. */
  void request(long events) {
    subscription.request(events);
  }

  /** Stops the subscription (the driver kills the cursor); the owner's thread only. */
  void cancel() {
    Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
