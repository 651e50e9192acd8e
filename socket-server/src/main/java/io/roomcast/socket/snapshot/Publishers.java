package io.roomcast.socket.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Finite publishers of the reactive driver as futures, so that snapshot reads compose without
 * blocking a thread. Reactive Streams signals one item at a time (§1.3), so whoever handles the
 * items is called by one thread at a time.
 */
final class Publishers {
  private Publishers() {}

  /** Hands each item to {@code handler} until it answers false (then cancels) or the end. */
  static <T> CompletableFuture<Void> each(Publisher<T> publisher, Predicate<T> handler) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<T>() {
          private Subscription subscription;

          @Override
          public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(T item) {
            if (!done.isDone() && !handler.test(item)) {
              subscription.cancel();
              done.complete(null);
            }
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
    return done;
  }

  /** All items (the caller bounds them: a collection list). */
  static <T> CompletableFuture<List<T>> all(Publisher<T> publisher) {
    List<T> items = new ArrayList<>();
    return each(publisher, items::add).thenApply(done -> items);
  }

  /** The first item, or null when there is none. */
  static <T> CompletableFuture<T> first(Publisher<T> publisher) {
    return all(publisher).thenApply(items -> items.isEmpty() ? null : items.get(0));
  }
}
