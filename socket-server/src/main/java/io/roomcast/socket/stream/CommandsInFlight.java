package io.roomcast.socket.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The stream commands ({@code aggregate}, {@code getMore}, {@code killCursors}) of one stream that
 * the driver is running. Closing the client under a running {@code getMore}, or under the {@code
 * killCursors} the driver sends right after it for a cancelled stream, makes the driver log an
 * ERROR with a stack trace, so close waits for {@link #closing quiet}: no command running and none
 * started or ended for a while. The driver's threads count starts and ends as {@link CursorReplies}
 * sees them (two counters, so that a command costs the stream's owner no message); only the owner
 * thread calls {@link #closing} and reads them, from then on.
 */
final class CommandsInFlight {
  private final LongAdder started = new LongAdder();
  private final LongAdder ended = new LongAdder();
  private final CompletableFuture<Void> quiet = new CompletableFuture<>();

  /** A stream command started; any thread. */
  void started() {
    started.increment();
  }

  /** A stream command succeeded or failed; any thread. */
  void ended() {
    ended.increment();
  }

  /**
   * Completes once, over a whole {@code quietFor}, no command ran, started or ended; checked on
   * {@code owner} every {@code quietFor}.
   */
  CompletableFuture<Void> closing(ScheduledExecutorService owner, Duration quietFor) {
    checkLater(owner, quietFor, started.sum(), ended.sum());
    return quiet;
  }

  private void checkLater(
      ScheduledExecutorService owner, Duration quietFor, long startedBefore, long endedBefore) {
    owner.schedule(
        () -> {
          long startedNow = started.sum();
          long endedNow = ended.sum();
          if (startedNow == startedBefore && endedNow == endedBefore && endedNow >= startedNow) {
            quiet.complete(null);
          } else {
            checkLater(owner, quietFor, startedNow, endedNow);
          }
        },
        quietFor.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
