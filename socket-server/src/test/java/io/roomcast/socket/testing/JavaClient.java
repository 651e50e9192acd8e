package io.roomcast.socket.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.json.JSONArray;
import org.json.JSONObject;

/** socket.io-client-java 2.x (Socket.IO v4 protocol) over one transport, recording what arrives. */
public final class JavaClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Socket socket;
  private final String transport;
  private final List<Received> events = new CopyOnWriteArrayList<>();
  private final List<String> connectErrors = new CopyOnWriteArrayList<>();
  private final List<Disconnect> disconnects = new CopyOnWriteArrayList<>();
  private final AtomicInteger reconnectAttempts = new AtomicInteger();

  /** A disconnect the client saw: Socket.IO's reason, and when (System.nanoTime). */
  public record Disconnect(String reason, long nanoTime) {}

  private JavaClient(
      String url, String transport, String origin, Consumer<SocketOptionBuilder> extra) {
    this.transport = transport;
    SocketOptionBuilder options =
        IO.Options.builder()
            .setTransports(new String[] {transport})
            .setForceNew(true)
            .setReconnection(true);
    if (origin != null) {
      options.setExtraHeaders(Map.of("Origin", List.of(origin)));
    }
    extra.accept(options);
    socket = IO.socket(URI.create(url), TestOkHttp.use(options.build()));
    socket.onAnyIncoming(args -> events.add(new Received((String) args[0], json(args, 1))));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectErrors.add(Arrays.toString(args)));
    socket.io().on(Manager.EVENT_RECONNECT_ATTEMPT, args -> reconnectAttempts.incrementAndGet());
    socket.on(
        Socket.EVENT_DISCONNECT,
        args -> disconnects.add(new Disconnect(String.valueOf(args[0]), System.nanoTime())));
    socket.connect();
  }

  /** Connects without an Origin header (as a non-browser client does). */
  public static JavaClient connect(String url, String transport) {
    return connectFrom(url, transport, null);
  }

  /** Connects presenting the given Origin header; does not wait. */
  public static JavaClient connectFrom(String url, String transport, String origin) {
    return new JavaClient(url, transport, origin, options -> {});
  }

  /** Connects with further options (auth payload, query, headers); does not wait. */
  public static JavaClient connectWith(
      String url, String transport, Consumer<SocketOptionBuilder> options) {
    return new JavaClient(url, transport, null, options);
  }

  public JavaClient awaitConnected() {
    await("connect (errors: " + connectErrors + ")").atMost(TIMEOUT).until(socket::connected);
    return this;
  }

  /** The transport asked for at connect. */
  public String transport() {
    return transport;
  }

  /** The session id the server gave (netty-socketio uses the Engine.IO sid as the socket id). */
  public String sid() {
    return socket.id();
  }

  public boolean connected() {
    return socket.connected();
  }

  public List<String> connectErrors() {
    return List.copyOf(connectErrors);
  }

  /** Joins the rooms and returns the ack. */
  public JsonNode join(String... uuids) {
    return emitWithAck("JoinRoom", new JSONArray(List.of(uuids)));
  }

  /**
   * Joins with JoinRoom's object form {@code {"rooms": [room], "since": since}}; returns the ack.
   */
  public JsonNode joinSince(String room, Object since) {
    return emitWithAck("JoinRoom", joinSincePayload(room, since));
  }

  /** The payload of {@link #joinSince}; {@code since} may be any JSON value, to test refusals. */
  public static JSONObject joinSincePayload(String room, Object since) {
    return new JSONObject(Map.of("rooms", new JSONArray(List.of(room)), "since", since));
  }

  /** Emits with an ack request and waits for the ack's first argument. */
  public JsonNode emitWithAck(String event, Object... args) {
    CompletableFuture<JsonNode> ack = emitWithAckAsync(event, args);
    return await("ack of " + event).atMost(TIMEOUT).until(() -> ack.getNow(null), r -> r != null);
  }

  /** Emits with an ack request; the future completes with the ack's first argument. */
  public CompletableFuture<JsonNode> emitWithAckAsync(String event, Object... args) {
    CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    socket.emit(
        event,
        args,
        reply -> {
          List<JsonNode> nodes = json(reply, 0);
          ack.complete(nodes.isEmpty() ? JsonNodeFactory.instance.missingNode() : nodes.get(0));
        });
    return ack;
  }

  /** Emits without asking for an ack. */
  public void emit(String event, Object... args) {
    socket.emit(event, args);
  }

  /** Every disconnect seen, in order; "transport close" means the client reconnects by itself. */
  public List<Disconnect> disconnects() {
    return List.copyOf(disconnects);
  }

  /** How often the client has tried to reconnect by itself. */
  public int reconnectAttempts() {
    return reconnectAttempts.get();
  }

  public List<Received> events() {
    return List.copyOf(events);
  }

  /** Waits for an event matching the condition and returns it. */
  public Received awaitEvent(String what, Predicate<Received> condition) {
    return await(what)
        .atMost(TIMEOUT)
        .until(() -> events.stream().filter(condition).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  static List<JsonNode> json(Object[] args, int from) {
    List<JsonNode> nodes = new ArrayList<>();
    for (int i = from; i < args.length; i++) {
      nodes.add(toJson(args[i]));
    }
    return nodes;
  }

  private static JsonNode toJson(Object value) {
    try {
      if (value instanceof JSONObject || value instanceof JSONArray) {
        return JSON.readTree(value.toString());
      }
      if (value == null || value == JSONObject.NULL) {
        return JsonNodeFactory.instance.nullNode();
      }
      return JSON.valueToTree(value);
    } catch (Exception e) {
      throw new IllegalStateException("received something that is not JSON: " + value, e);
    }
  }

  @Override
  public void close() {
    socket.off();
    socket.close();
  }
}
