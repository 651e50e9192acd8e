package io.roomcast.embedded.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Waits for a Reactive Streams publisher in tests, without pulling in a reactive library. */
public final class Reactive {
  /** Long enough for a slow CI machine, short enough to fail a stuck test. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Reactive() {}

  /** All items of a finite publisher. */
  public static <T> List<T> all(Publisher<T> publisher) {
    CompletableFuture<List<T>> result = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<T>() {
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
    return await(result);
  }

  /** The single (or first) item of a publisher, or null when it completes empty. */
  public static <T> T one(Publisher<T> publisher) {
    List<T> items = all(publisher);
    return items.isEmpty() ? null : items.get(0);
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for MongoDB", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("MongoDB did not answer within " + TIMEOUT, e);
    }
  }
}
