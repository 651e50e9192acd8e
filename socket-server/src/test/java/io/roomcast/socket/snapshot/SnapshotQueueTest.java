package io.roomcast.socket.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SNAPSHOT_MAX_CONCURRENT reads run, SNAPSHOT_MAX_QUEUED wait, the next one is refused. */
class SnapshotQueueTest {

  @Test
  void pastTheQueueAReadIsRefusedWithoutStartingAndTheWaitingOnesRunInTurn() {
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<String> firstRead = new CompletableFuture<>();
    try (SnapshotQueue queue = new SnapshotQueue(new SnapshotSettings(10, 4096, 1, 1))) {
      CompletableFuture<String> first = submit(queue, started, firstRead);
      CompletableFuture<String> second =
          submit(queue, started, CompletableFuture.completedFuture("second"));
      CompletableFuture<String> third =
          submit(queue, started, CompletableFuture.completedFuture("third"));
      Throwable refused = refusal(third);
      assertInstanceOf(SnapshotQueue.Full.class, refused);
      assertTrue(refused.getMessage().contains("SNAPSHOT_MAX_QUEUED=1"), refused.getMessage());
      assertEquals(1, started.get(), "only the first read runs; the refused one never starts");
      firstRead.complete("first");
      assertEquals("first", first.join());
      assertEquals("second", second.join());
      assertEquals(2, started.get());
    }
  }

  private static CompletableFuture<String> submit(
      SnapshotQueue queue, AtomicInteger started, CompletableFuture<String> read) {
    return queue
        .submit(
            () -> {
              started.incrementAndGet();
              return read;
            })
        .toCompletableFuture();
  }

  private static Throwable refusal(CompletableFuture<String> future) {
    await().atMost(Duration.ofSeconds(10)).until(future::isDone);
    try {
      future.join();
      throw new AssertionError("expected a refusal");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
