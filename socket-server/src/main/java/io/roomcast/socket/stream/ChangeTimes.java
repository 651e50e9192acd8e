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
    BsonValue wall = event.get("wallTime");
    if (wall != null && wall.isDateTime()) {
      return Optional.of(Instant.ofEpochMilli(wall.asDateTime().getValue()));
    }
    BsonValue cluster = event.get("clusterTime");
    if (cluster != null && cluster.isTimestamp()) {
      return Optional.of(Instant.ofEpochSecond(cluster.asTimestamp().getTime()));
    }
    return Optional.empty();
  }

  /** Milliseconds from the change to now, or -1 when the event carries no time. */
  public static long millisSince(BsonDocument event, long nowMillis) {
    BsonValue wall = event.get("wallTime");
    if (wall != null && wall.isDateTime()) {
      return Math.max(0, nowMillis - wall.asDateTime().getValue());
    }
    BsonValue cluster = event.get("clusterTime");
    if (cluster != null && cluster.isTimestamp()) {
      return Math.max(0, nowMillis - cluster.asTimestamp().getTime() * 1000L);
    }
    return -1;
  }
}
