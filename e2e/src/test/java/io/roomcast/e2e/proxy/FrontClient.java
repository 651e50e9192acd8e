package io.roomcast.e2e.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.e2e.testing.ReceivedEvent;
import io.roomcast.e2e.testing.WatchingClient;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.json.JSONArray;

/**
 * A socket.io-client-java client talking to the nginx front from a chosen loopback source address,
 * over the given transports ({@code polling}, {@code websocket}, or both: polling, then upgrade).
 * It joins its rooms on connect and records every event and connection error.
 */
final class FrontClient implements WatchingClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String description;
  private final OkHttpClient http;
  private final Socket socket;
  private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final AtomicReference<JsonNode> joinAck = new AtomicReference<>();

  FrontClient(String url, InetAddress source, List<String> transports, List<String> rooms) {
    this.description =
        "java-client/" + String.join("+", transports) + "@" + source.getHostAddress();
    this.http =
        new OkHttpClient.Builder()
            .socketFactory(new LoopbackSourceSockets(source))
            .readTimeout(1, TimeUnit.MINUTES)
            .build();
    IO.Options options =
        IO.Options.builder()
            .setTransports(transports.toArray(String[]::new))
            .setForceNew(true)
            .setReconnection(false)
            .build();
    options.callFactory = http;
    options.webSocketFactory = http;
    socket = IO.socket(URI.create(url), options);
    socket.onAnyIncoming(
        args -> events.add(new ReceivedEvent((String) args[0], json(args, 1), json(args, 2))));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> errors.add(String.valueOf(args[0])));
    socket.on(Socket.EVENT_DISCONNECT, args -> errors.add("disconnected: " + args[0]));
    socket.on(
        Socket.EVENT_CONNECT,
        ignored ->
            socket.emit(
                "JoinRoom", new Object[] {new JSONArray(rooms)}, ack -> joinAck.set(json(ack, 0))));
    socket.connect();
  }

  private static JsonNode json(Object[] args, int index) {
    try {
      return args.length > index ? MAPPER.readTree(String.valueOf(args[index])) : null;
    } catch (Exception e) {
      throw new IllegalStateException("client received something that is not JSON", e);
    }
  }

  /** Connection errors and unexpected disconnects, for assertions and failure messages. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public JsonNode joinAck() {
    return joinAck.get();
  }

  @Override
  public List<ReceivedEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    socket.off();
    socket.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
