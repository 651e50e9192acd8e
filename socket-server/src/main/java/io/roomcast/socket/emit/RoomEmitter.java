package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.socket.metrics.SocketMetrics;
import io.roomcast.socket.stream.ChangeListener;
import io.roomcast.socket.stream.ChangeTimes;
import io.roomcast.socket.stream.OperationType;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each change to the room of its UUID as an event named after its collection. Runs on the
 * stream's thread; {@link ChangeDelivery} only queues the writes on the clients' event loops, so
 * nothing here waits on a client.
 */
public final class RoomEmitter implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(RoomEmitter.class);

  private final SocketIONamespace namespace;
  private final String uuidField;
  private final ChangeRouter router;
  private final ChangeEncoder encoder;
  private final ChangeDelivery delivery;
  private final SocketMetrics metrics;
  private final LongAdder emitted = new LongAdder();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder withoutUuid = new LongAdder();
  private final AtomicBoolean reportedWithoutUuid = new AtomicBoolean();

  public RoomEmitter(
      SocketIONamespace namespace,
      String uuidField,
      ChangeDelivery delivery,
      SocketMetrics metrics) {
    this.namespace = namespace;
    this.delivery = delivery;
    this.metrics = metrics;
    this.uuidField = uuidField;
    this.router = new ChangeRouter(uuidField);
    this.encoder = new ChangeEncoder(uuidField);
  }

  @Override
  public void onChange(BsonDocument event) {
    String collection = ChangeRouter.collectionOf(event);
    if (collection == null) {
      return; // database-level events (dropDatabase, invalidate) concern no document
    }
    metrics.changeReceived(ChangeRouter.databaseOf(event), collection, OperationType.of(event));
    Optional<UUID> uuid = router.uuidOf(event);
    if (uuid.isEmpty()) {
      countWithoutUuid(collection);
      return;
    }
    Collection<SocketIOClient> clients =
        namespace.getRoomOperations(Uuids.roomName(uuid.get())).getClients();
    emitted.increment();
    if (clients.isEmpty()) {
      return; // nobody listens: skip the encoding
    }
    PreparedChange change = encoder.encode(event, collection, uuid.get());
    delivery.deliver(change, clients);
    deliveries.add(clients.size());
    metrics.handedToClients(ChangeTimes.millisSince(event, System.currentTimeMillis()));
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

  /** Events handed to clients: one per change per client in its room. */
  public long deliveries() {
    return deliveries.sum();
  }

  /** Changes skipped because they carried no UUID. */
  public long withoutUuid() {
    return withoutUuid.sum();
  }
}
