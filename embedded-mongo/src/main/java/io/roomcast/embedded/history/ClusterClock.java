package io.roomcast.embedded.history;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import java.time.Clock;

/**
 * Hands out strictly increasing cluster times (seconds, increment), as a replica set primary does:
 * the increment restarts at 1 when the second moves on and counts up within one second. Not
 * thread-safe: the history calls it under its lock.
 */
final class ClusterClock {
  private final Clock clock;
  private long seconds;
  private int increment;

  ClusterClock(Clock clock) {
    this.clock = clock;
  }

  BsonTimestamp next() {
    long now = clock.millis() / 1000;
    if (now > seconds) {
      seconds = now;
      increment = 1;
    } else {
      increment++;
    }
    return new BsonTimestamp((seconds << 32) | (increment & 0xFFFFFFFFL));
  }

  /** The latest time handed out, or now when none was. */
  BsonTimestamp current() {
    if (seconds == 0) {
      return new BsonTimestamp((clock.millis() / 1000) << 32);
    }
    return new BsonTimestamp((seconds << 32) | (increment & 0xFFFFFFFFL));
  }
}
