package io.roomcast.socket.stream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stream commands ({@code aggregate}, {@code getMore}, {@code killCursors}) of one stream that
 * the driver is running, counted by the stream's owner from the messages {@link CursorReplies}
 * sends. Closing the client under a running {@code getMore}, or under the {@code killCursors} the
 * driver sends right after it for a cancelled stream, makes the driver log an ERROR with a stack
 * trace, so close waits for {@link #quiet}: no command running and none started for a while. Only
 * the owner thread calls the methods.
 */
final class CommandsInFlight {
  private final ScheduledExecutorService owner;
  private final CompletableFuture<Void> quiet = new CompletableFuture<>();
  private int running;
  private long started;
  private boolean closing;

  CommandsInFlight(ScheduledExecutorService owner) {
    this.owner = owner;
  }

  void started() {
    running++;
    started++;
  }

  void ended(Duration quietFor) {
    running = Math.max(0, running - 1);
    checkLater(quietFor);
  }

  /**
   * From now on, completes {@link #quiet} once the commands have been quiet for {@code quietFor}.
   */
  CompletableFuture<Void> closing(Duration quietFor) {
    closing = true;
    checkLater(quietFor);
    return quiet;
  }

  private void checkLater(Duration quietFor) {
    if (!closing || running > 0) {
      return;
    }
    long startedBefore = started;
    owner.schedule(
        () -> {
          if (running == 0 && started == startedBefore) {
            quiet.complete(null);
          }
        },
        quietFor.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
