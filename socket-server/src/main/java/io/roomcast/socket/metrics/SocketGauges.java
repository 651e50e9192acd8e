package io.roomcast.socket.metrics;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.internal.PlatformDependent;
import io.roomcast.socket.emit.RoomEmitter;
import io.roomcast.socket.replay.CatchUps;
import io.roomcast.socket.stream.ChangeStreams;
import io.roomcast.socket.stream.StreamState;
import io.roomcast.socket.stream.StreamStats;
import java.time.Instant;
import java.util.Locale;

/**
 * Meters read at scrape time from state the server keeps anyway (clients, rooms, the emitter's
 * counts, the streams' stats), so they cost the event paths nothing.
 */
public final class SocketGauges {
  private SocketGauges() {}

  /** Connected clients by transport and Engine.IO version, and UUID rooms in use. */
  public static void bindClients(MeterRegistry registry, SocketIOServer server) {
    for (Transport transport : Transport.values()) {
      for (EngineIOVersion version :
          new EngineIOVersion[] {EngineIOVersion.V3, EngineIOVersion.V4}) {
        Gauge.builder("roomcast.clients.connected", server, s -> count(s, transport, version))
            .description(
                "connected clients by transport and protocol (eio3: Socket.IO v2, eio4: v3/v4)")
            .tags(
                "transport",
                transport.name().toLowerCase(Locale.ROOT),
                "protocol",
                "eio" + version.getValue())
            .register(registry);
      }
    }
    SocketIONamespace namespace = server.getNamespace(Namespace.DEFAULT_NAME);
    Gauge.builder("roomcast.rooms", namespace, SocketGauges::uuidRooms)
        .description("rooms with at least one client")
        .register(registry);
    Gauge.builder("roomcast.netty.direct.memory.used", PlatformDependent::usedDirectMemory)
        .description("direct memory Netty has allocated (-1: not tracked by Netty)")
        .baseUnit("bytes")
        .register(registry);
  }

  /** Changes with a UUID, deliveries, and changes skipped without a UUID. */
  public static void bindEmitter(MeterRegistry registry, RoomEmitter emitter) {
    FunctionCounter.builder("roomcast.deliveries", emitter, RoomEmitter::deliveries)
        .description("events handed to clients: one per change per client in its room")
        .register(registry);
    FunctionCounter.builder("roomcast.changes.routed", emitter, RoomEmitter::emitted)
        .description("changes that carried a UUID (whether or not anyone was in its room)")
        .register(registry);
    FunctionCounter.builder("roomcast.changes.without.uuid", emitter, RoomEmitter::withoutUuid)
        .description("changes skipped because their document had no UUID")
        .register(registry);
  }

  /** Per watched database: the stream's lag and its state (1 for the current state). */
  public static void bindStreams(MeterRegistry registry, ChangeStreams streams) {
    for (StreamStats stream : streams.stats()) {
      String database = stream.database();
      Gauge.builder("roomcast.stream.lag", streams, s -> lagSeconds(s, database))
          .description("now minus the time up to which the stream has handed every change on")
          .baseUnit("seconds")
          .tag("database", database)
          .register(registry);
      FunctionCounter.builder(
              "roomcast.stream.reopenings", streams, s -> s.stats(database).reopenings())
          .description("times the stream was opened again (any cause; by cause: restarts)")
          .tag("database", database)
          .register(registry);
      for (StreamState state : StreamState.values()) {
        Gauge.builder(
                "roomcast.stream.state", streams, s -> s.stats(database).state() == state ? 1 : 0)
            .description("1 for the stream's current state (open, connecting, stopped)")
            .tags("database", database, "state", state.label())
            .register(registry);
      }
    }
  }

  /** Catch-up cursors reading MongoDB now, and catch-ups waiting for one. */
  public static void bindCatchUps(MeterRegistry registry, CatchUps catchUps) {
    Gauge.builder("roomcast.catchup.cursors.open", catchUps, CatchUps::openCursors)
        .description("change-stream cursors reading positions older than the replay window")
        .register(registry);
    Gauge.builder("roomcast.catchup.waiting", catchUps, CatchUps::waiting)
        .description("JoinRoom catch-ups waiting for a cursor (bounded by CATCHUP_QUEUE)")
        .register(registry);
  }

  private static double lagSeconds(ChangeStreams streams, String database) {
    return streams
        .stats(database)
        .lag(Instant.now())
        .map(lag -> lag.toMillis() / 1000.0)
        .orElse(Double.NaN);
  }

  private static double count(SocketIOServer server, Transport transport, EngineIOVersion version) {
    long count = 0;
    for (SocketIOClient client : server.getAllClients()) {
      if (client.getTransport() == transport && client.getEngineIOVersion() == version) {
        count++;
      }
    }
    return count;
  }

  private static double uuidRooms(SocketIONamespace namespace) {
    // The namespace's own room is named "" and holds every client.
    return ((Namespace) namespace).getRooms().stream().filter(room -> !room.isEmpty()).count();
  }
}
