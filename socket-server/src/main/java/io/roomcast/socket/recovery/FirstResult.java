package io.roomcast.socket.recovery;

import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The driver's publisher of one result (a find's first document, a write's result) as a future:
 * completed with the first item, or null when there is none, or exceptionally.
 */
final class FirstResult<T> implements Subscriber<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  static <T> CompletableFuture<T> of(Publisher<T> publisher) {
    FirstResult<T> subscriber = new FirstResult<>();
    publisher.subscribe(subscriber);
    return subscriber.result;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    subscription.request(1);
  }

  @Override
  public void onNext(T item) {
    result.complete(item);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(null);
  }
}
