package io.roomcast.socket.replay;

import com.mongodb.MongoException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.socket.emit.ChangePreparer;
import io.roomcast.socket.emit.PreparedChange;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.stream.ResumeTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One catch-up: reads each watched database's history from the oldest position of a batch of
 * requests until it reaches the window (the hub holds what follows) or now (a reply comes back
 * empty), with one cursor per database, and gives each request the changes of its rooms after its
 * own position ({@link CatchUpCollector}). A full resume token resumes after itself ({@code
 * resumeAfter}, which also tells a restarted embedded database); any other position starts at its
 * cluster time ({@code startAtOperationTime}). When the server no longer has the oldest position,
 * that request resyncs and the others are read again.
 */
final class CatchUpCursor {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpCursor.class);
  private static final int BATCH_SIZE = 256;
  private static final long AWAIT_MILLIS = 50;

  /** Characters of a bare time position ({@code 82} + 16 hex digits): no event behind it. */
  private static final int TIME_ONLY = 18;

  private final MongoClient client;
  private final List<String> databases;
  private final ChangePreparer preparer;
  private final ReplaySettings settings;
  private final Function<String, Position> windowFloor;
  private final SocketMetrics metrics;

  CatchUpCursor(
      MongoClient client,
      List<String> databases,
      ChangePreparer preparer,
      ReplaySettings settings,
      Function<String, Position> windowFloor,
      SocketMetrics metrics) {
    this.client = client;
    this.databases = databases;
    this.preparer = preparer;
    this.settings = settings;
    this.windowFloor = windowFloor;
    this.metrics = metrics;
  }

  /** Reads for {@code batch} (sorted by position, oldest first); one result per request. */
  List<CatchUpResult> read(List<JoinRequest> batch) {
    long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
    Map<JoinRequest, CatchUpCollector> collectors = new LinkedHashMap<>();
    batch.forEach(r -> collectors.put(r, new CatchUpCollector(r, settings.maxEvents())));
    for (String database : databases) {
      List<CatchUpCollector> reading = new ArrayList<>(collectors.values());
      reading.removeIf(CatchUpCollector::resync);
      while (!reading.isEmpty()) {
        try {
          readDatabase(database, reading, deadline);
          break;
        } catch (MongoException e) {
          // The oldest position is beyond the history (or unknown to the server): it resyncs.
          LOG.info(
              "catch-up of {} request(s) in '{}' cannot start at {} (code {}); it resyncs",
              reading.size(),
              database,
              reading.get(0).since(),
              e.getCode());
          reading.remove(0).giveUp();
        }
      }
    }
    List<CatchUpResult> results = new ArrayList<>();
    collectors.values().forEach(c -> results.add(c.result()));
    return results;
  }

  private void readDatabase(String database, List<CatchUpCollector> reading, long deadline) {
    Position start = reading.get(0).since();
    ChangeStreamIterable<BsonDocument> changes =
        client
            .getDatabase(database)
            .watch(BsonDocument.class)
            .fullDocument(FullDocument.UPDATE_LOOKUP)
            .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE)
            .batchSize(BATCH_SIZE)
            .maxAwaitTime(AWAIT_MILLIS, TimeUnit.MILLISECONDS);
    changes =
        start.data().length() > TIME_ONLY && databases.size() == 1
            ? changes.resumeAfter(ResumeTokens.fromData(start.data()))
            : changes.startAtOperationTime(start.clusterTime());
    metrics.catchUpCursorOpened();
    // Raw events, as the live streams get them; the driver's cursor for them is a change-stream
    // cursor (it keeps the resume token), its declared type only a plain one.
    try (MongoChangeStreamCursor<BsonDocument> cursor =
        (MongoChangeStreamCursor<BsonDocument>)
            changes.withDocumentClass(BsonDocument.class).cursor()) {
      Position reached = start;
      BsonDocument event;
      while ((event = cursor.tryNext()) != null) {
        reached = Position.of(ResumeTokens.text(event.get("_id")));
        offer(database, reached, event, reading);
        Position floor = windowFloor.apply(database);
        if (floor != null && !floor.isAfter(reached)) {
          break; // the window holds what follows: the hub takes over from here
        }
        if (System.nanoTime() > deadline || reading.stream().allMatch(CatchUpCollector::resync)) {
          reading.forEach(CatchUpCollector::giveUp);
          return;
        }
      }
      BsonDocument idle = event == null ? cursor.getResumeToken() : null;
      Position end = idle == null ? reached : Position.of(ResumeTokens.text(idle));
      for (CatchUpCollector collector : reading) {
        collector.reached(database, end.isAfter(reached) ? end : reached);
      }
    }
  }

  private void offer(
      String database, Position id, BsonDocument event, List<CatchUpCollector> reading) {
    Optional<UUID> uuid = preparer.roomOf(event);
    if (uuid.isEmpty()) {
      return;
    }
    String room = Uuids.roomName(uuid.get());
    PreparedChange change = null;
    for (CatchUpCollector collector : reading) {
      if (collector.wants(id, room)) {
        if (change == null) {
          change = preparer.encode(event, uuid.get()); // once, however many requests want it
        }
        collector.add(database, id, change);
      }
    }
  }
}
