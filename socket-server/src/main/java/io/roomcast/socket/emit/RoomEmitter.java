package io.roomcast.socket.emit;

import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.replay.DeliveryHub;
import io.roomcast.socket.replay.Position;
import io.roomcast.socket.stream.ChangeListener;
import io.roomcast.socket.stream.ChangeTimes;
import io.roomcast.socket.stream.OperationType;
import io.roomcast.socket.stream.ResumeTokens;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream side of delivery: counts each change, routes it to the room of its UUID, encodes it
 * once, and hands it to the {@link DeliveryHub}, which keeps it for replays and writes it to the
 * room's clients. Runs on each stream's owner thread; encoding happens here, in parallel across
 * streams, so the hub only queues writes.
 */
public final class RoomEmitter implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(RoomEmitter.class);

  private final String uuidField;
  private final ChangePreparer preparer;
  private final DeliveryHub hub;
  private final SocketMetrics metrics;
  private final LongAdder emitted = new LongAdder();
  private final LongAdder withoutUuid = new LongAdder();
  private final AtomicBoolean reportedWithoutUuid = new AtomicBoolean();

  public RoomEmitter(String uuidField, DeliveryHub hub, SocketMetrics metrics) {
    this.uuidField = uuidField;
    this.preparer = new ChangePreparer(uuidField);
    this.hub = hub;
    this.metrics = metrics;
  }

  @Override
  public void onChange(String database, BsonDocument event, Runnable handled) {
    Position id = Position.of(ResumeTokens.text(event.get("_id")));
    String collection = ChangeRouter.collectionOf(event);
    PreparedChange change = null;
    if (collection != null) { // database-level events (dropDatabase, invalidate) concern no room
      metrics.changeReceived(database, collection, OperationType.of(event));
      Optional<UUID> uuid = preparer.roomOf(event);
      if (uuid.isEmpty()) {
        countWithoutUuid(collection);
      } else {
        emitted.increment();
        change = preparer.encode(event, uuid.get());
      }
    }
    hub.publish(database, id, change, ChangeTimes.of(event).orElse(null), handled);
  }

  @Override
  public void onOpenedFromNow(String database, BsonDocument token) {
    hub.openedFromNow(database, token == null ? null : Position.of(ResumeTokens.text(token)));
  }

  @Override
  public void onIdlePosition(String database, BsonDocument token) {
    hub.idle(database, Position.of(ResumeTokens.text(token)));
  }

  private void countWithoutUuid(String collection) {
    withoutUuid.increment();
    if (reportedWithoutUuid.compareAndSet(false, true)) {
      LOG.info(
          "changes without a UUID in field '{}' are skipped (first one in collection {}); "
              + "their count is logged at shutdown",
          uuidField,
          collection);
    }
  }

  /** Changes that had a UUID (whether or not anyone was in the room). */
  public long emitted() {
    return emitted.sum();
  }

  /** Events handed to clients live: one per change per client in its room. */
  public long deliveries() {
    return hub.deliveries();
  }

  /** Changes skipped because they carried no UUID. */
  public long withoutUuid() {
    return withoutUuid.sum();
  }
}
