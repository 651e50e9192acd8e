package io.roomcast.socket.snapshot;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds snapshot reads: at most {@code SNAPSHOT_MAX_CONCURRENT} run, at most {@code
 * SNAPSHOT_MAX_QUEUED} wait, and a read beyond that is refused before anything is done. The counts
 * and the queue are owned by one thread; submitters and finished reads send it messages, so no
 * event loop or driver thread ever waits here.
 */
public final class SnapshotQueue implements AutoCloseable {
  /** Why a snapshot was refused: the queue is full. */
  public static final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Full(String message) {
      super(message, null, false, false);
    }
  }

  private final int maxConcurrent;
  private final int maxQueued;
  private final ExecutorService owner =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "roomcast-snapshots");
            thread.setDaemon(true);
            return thread;
          });
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  public SnapshotQueue(SnapshotSettings settings) {
    this.maxConcurrent = settings.maxConcurrent();
    this.maxQueued = settings.maxQueued();
  }

  /** Runs {@code read} when a slot is free; fails with {@link Full} when too many wait. */
  public <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> read) {
    CompletableFuture<T> result = new CompletableFuture<>();
    send(
        () -> {
          Runnable start = () -> start(read, result);
          if (running < maxConcurrent) {
            start.run();
          } else if (waiting.size() < maxQueued) {
            waiting.add(start);
          } else {
            result.completeExceptionally(
                new Full(
                    "too many snapshot joins at once (SNAPSHOT_MAX_CONCURRENT="
                        + maxConcurrent
                        + " running, SNAPSHOT_MAX_QUEUED="
                        + maxQueued
                        + " waiting); nothing done, try again"));
          }
        });
    return result;
  }

  /** On the owner thread. */
  private <T> void start(Supplier<CompletionStage<T>> read, CompletableFuture<T> result) {
    running++;
    CompletionStage<T> stage;
    try {
      stage = read.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (value, error) -> {
          send(this::finished);
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        });
  }

  /** Hands a message to the owner thread; after close() there is nothing left to do. */
  private void send(Runnable message) {
    try {
      owner.execute(message);
    } catch (RejectedExecutionException closed) {
      // the server is stopping: its clients are being closed, no answer is awaited
    }
  }

  /** On the owner thread: one read ended, the next waiting one starts. */
  private void finished() {
    running--;
    Runnable next = waiting.poll();
    if (next != null) {
      next.run();
    }
  }

  @Override
  public void close() {
    owner.shutdownNow();
    try {
      owner.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
