package io.roomcast.socket.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A finite publisher of the reactive driver as a future of all its items, so that snapshot reads
 * compose without blocking a thread. Callers bound the items (a find's limit, a collection list).
 */
final class Publishers {
  private Publishers() {}

  static <T> CompletableFuture<List<T>> all(Publisher<T> publisher) {
    CompletableFuture<List<T>> result = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<T>() {
          // Reactive Streams calls onNext/onComplete serially (§1.3): one writer at a time.
          private final List<T> items = new ArrayList<>();

          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(T item) {
            items.add(item);
          }

          @Override
          public void onError(Throwable error) {
            result.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            result.complete(items);
          }
        });
    return result;
  }

  /** The first item, or null when there is none. */
  static <T> CompletableFuture<T> first(Publisher<T> publisher) {
    return all(publisher).thenApply(items -> items.isEmpty() ? null : items.get(0));
  }
}
