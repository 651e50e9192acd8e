package io.roomcast.socket.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What one database's change stream has done so far: logged when the streams close, and the source
 * of the stream metrics and of readiness.
 *
 * @param database the watched database
 * @param reopenings how often the stream was opened again after the first time (errors,
 *     invalidates)
 * @param largestDemand the most events ever requested and not yet received: the bound on what the
 *     driver buffers
 * @param position where the stream would resume now; null means "from now"
 * @param state whether a cursor is open now
 * @param caughtUpTo the latest instant up to which every change has been handed on: the time of the
 *     last event handed on, or of the last empty reply (nothing more to read); null before the
 *     stream first answered
 */
public record StreamStats(
    String database,
    int reopenings,
    long largestDemand,
    BsonDocument position,
    StreamState state,
    Instant caughtUpTo) {

  /** How far behind the database the stream is at {@code now}; empty before it first answered. */
  public Optional<Duration> lag(Instant now) {
    if (caughtUpTo == null) {
      return Optional.empty();
    }
    Duration lag = Duration.between(caughtUpTo, now);
    return Optional.of(lag.isNegative() ? Duration.ZERO : lag);
  }
}
