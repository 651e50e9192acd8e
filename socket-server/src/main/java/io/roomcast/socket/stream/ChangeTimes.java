package io.roomcast.socket.stream;

import java.time.Instant;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * When a change happened on the database: its {@code wallTime} (milliseconds, MongoDB 6.0+), else
 * its {@code clusterTime} (whole seconds). The source of stream lag and delivery latency.
 */
public final class ChangeTimes {
  private ChangeTimes() {}

  public static Optional<Instant> of(BsonDocument event) {
    long millis = epochMillis(event);
    return millis < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** Milliseconds from the change to now, or -1 when the event carries no time. */
  public static long millisSince(BsonDocument event, long nowMillis) {
    long millis = epochMillis(event);
    return millis < 0 ? -1 : Math.max(0, nowMillis - millis);
  }

  /** The change's time in epoch milliseconds, or -1; allocates nothing (it runs per change). */
  private static long epochMillis(BsonDocument event) {
    BsonValue wall = event.get("wallTime");
    if (wall != null && wall.isDateTime()) {
      return wall.asDateTime().getValue();
    }
    BsonValue cluster = event.get("clusterTime");
    if (cluster != null && cluster.isTimestamp()) {
      return cluster.asTimestamp().getTime() * 1000L;
    }
    return -1;
  }
}
