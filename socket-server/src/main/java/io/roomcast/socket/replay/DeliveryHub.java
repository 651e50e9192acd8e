package io.roomcast.socket.replay;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.roomcast.socket.emit.ChangeDelivery;
import io.roomcast.socket.emit.PreparedChange;
import io.roomcast.socket.metrics.SocketMetrics;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of delivery: a single thread that receives every stream's routed, encoded changes
 * in order, keeps them in the {@link ReplayWindow}, writes each to its room's clients through
 * {@link ChangeDelivery}, and performs joins with a position ({@link HubJoins}). Because live
 * delivery and replays run on this one thread, a client joined here gets its replayed changes and
 * then the live ones with nothing missing and nothing twice. Every public method only sends the hub
 * a message; nothing here blocks.
 */
public final class DeliveryHub implements AutoCloseable {
  private static final long TICK_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryHub.class);

  private final ScheduledExecutorService thread;
  private final SocketIONamespace namespace;
  private final ChangeDelivery delivery;
  private final SocketMetrics metrics;
  private final ReplayWindow window;
  private final HubJoins joins;
  private final LongAdder deliveries = new LongAdder();

  public DeliveryHub(
      SocketIONamespace namespace,
      ChangeDelivery delivery,
      ReplaySettings settings,
      SocketMetrics metrics) {
    this.namespace = namespace;
    this.delivery = delivery;
    this.metrics = metrics;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread hub = new Thread(runnable, "delivery-hub");
              hub.setDaemon(true);
              return hub;
            });
    this.window =
        new ReplayWindow(settings.windowEvents(), settings.windowBytes(), settings.windowAge());
    this.joins =
        new HubJoins(
            window,
            delivery,
            client -> namespace.getClient(client.getSessionId()) != null,
            settings,
            metrics);
    thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Where catch-ups older than the window go; set once before the streams open. */
  void catchUps(CatchUps catchUps) {
    joins.catchUps(catchUps);
  }

  /**
   * A change read by {@code database}'s stream at {@code id}; {@code change} is null when it goes
   * to no room. {@code handled} runs once the hub has delivered it (the stream's backpressure).
   */
  public void publish(
      String database, Position id, PreparedChange change, Instant changedAt, Runnable handled) {
    send(
        () -> {
          try {
            window.add(database, id, change, System.nanoTime());
            if (change != null) {
              deliverLive(change, changedAt);
            }
            joins.streamMoved();
          } finally {
            handled.run();
          }
        });
  }

  private void deliverLive(PreparedChange change, Instant changedAt) {
    Collection<SocketIOClient> clients = namespace.getRoomOperations(change.room()).getClients();
    if (clients.isEmpty()) {
      return;
    }
    delivery.deliver(change, clients);
    deliveries.add(clients.size());
    if (changedAt != null) {
      metrics.handedToClients(System.currentTimeMillis() - changedAt.toEpochMilli());
    }
  }

  /** {@code database}'s stream opened from now at {@code start} (null: at its first event). */
  public void openedFromNow(String database, Position start) {
    send(() -> window.coverage(database).openedFromNow(start));
  }

  /** {@code database}'s stream read everything up to {@code position}. */
  public void idle(String database, Position position) {
    send(
        () -> {
          window.coverage(database).idle(position);
          joins.streamMoved();
        });
  }

  /**
   * Replays to {@code client} every change of {@code rooms} after {@code since}, then joins it to
   * the rooms, on the hub; see {@link Replays#join}.
   */
  CompletableFuture<Map<String, RoomOutcome>> join(
      SocketIOClient client, Set<String> rooms, Position since) {
    JoinRequest request = new JoinRequest(client, rooms, since);
    if (!send(() -> joins.join(request))) {
      request.answer().completeExceptionally(new ReplayRefused("the server is stopping"));
    }
    return request.answer();
  }

  /** Where a catch-up of {@code database} may stop: the window holds every change after it. */
  Position floor(String database) {
    return window.floor(database);
  }

  /** A catch-up cursor read what MongoDB had for a request; the hub finishes it. */
  void caughtUp(CatchUpResult result) {
    if (!send(() -> joins.caughtUp(result))) {
      result.request().answer().completeExceptionally(new ReplayRefused("the server is stopping"));
    }
  }

  private void tick() {
    window.expire(System.nanoTime());
    joins.expireWaiting(System.nanoTime());
  }

  private boolean send(Runnable message) {
    try {
      thread.execute(() -> handle(message));
      return true;
    } catch (RejectedExecutionException e) {
      return false; // stopping
    }
  }

  private static void handle(Runnable message) {
    try {
      message.run();
    } catch (RuntimeException e) {
      // A bug in one message must not stop delivery for everyone; the executor would hide it.
      LOG.error("delivery hub: a message failed ({}); continuing", e.toString(), e);
    }
  }

  /** Events handed to clients live: one per change per client in its room. */
  public long deliveries() {
    return deliveries.sum();
  }

  /** Stops the hub thread; changes still queued are dropped (the server is stopping). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
