package io.roomcast.socket.stream;

import java.time.Duration;

/** Capped exponential backoff between reconnection attempts: 100 ms, 200 ms, … up to the cap. */
final class Backoff {
  static final Duration INITIAL = Duration.ofMillis(100);
  static final Duration MAX = Duration.ofSeconds(10);

  private final Duration initial;
  private final Duration max;
  private int attempt;

  Backoff() {
    this(INITIAL, MAX);
  }

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The wait before the next attempt; each call doubles it, up to the cap. */
  Duration next() {
    int shift = Math.min(attempt, 30);
    attempt++;
    long millis = initial.toMillis() << shift;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  /** How many attempts have been made since the last success. */
  int attempts() {
    return attempt;
  }

  /** After a success the next failure waits the initial delay again. */
  void reset() {
    attempt = 0;
  }
}
