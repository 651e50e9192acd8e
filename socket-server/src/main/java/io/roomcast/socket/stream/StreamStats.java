package io.roomcast.socket.stream;

import org.bson.BsonDocument;

/**
 * What one database's change stream has done so far: logged when the streams close, and the source
 * of the stream metrics an operator watches.
 *
 * @param database the watched database
 * @param reopenings how often the stream was opened again after the first time (errors,
 *     invalidates)
 * @param largestDemand the most events ever requested and not yet received: the bound on what the
 *     driver buffers
 * @param position where the stream would resume now; null means "from now"
 */
public record StreamStats(
    String database, int reopenings, long largestDemand, BsonDocument position) {}
