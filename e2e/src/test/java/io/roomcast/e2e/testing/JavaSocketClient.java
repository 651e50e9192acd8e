package io.roomcast.e2e.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.json.JSONArray;

/** socket.io-client-java 2.x (Socket.IO v4 protocol) over one chosen transport. */
public final class JavaSocketClient implements WatchingClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String transport;
  private final Socket socket;
  private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicReference<JsonNode> joinAck = new AtomicReference<>();

  private JavaSocketClient(String url, String transport, List<String> rooms) {
    this.transport = transport;
    IO.Options options =
        IO.Options.builder().setTransports(new String[] {transport}).setForceNew(true).build();
    socket = IO.socket(URI.create(url), options);
    socket.onAnyIncoming(
        args -> events.add(new ReceivedEvent((String) args[0], json(args, 1), json(args, 2))));
    socket.on(
        Socket.EVENT_CONNECT,
        ignored ->
            socket.emit(
                "JoinRoom", new Object[] {new JSONArray(rooms)}, ack -> joinAck.set(json(ack, 0))));
    socket.connect();
  }

  /** Connects over {@code websocket} or {@code polling} and joins the rooms on every connect. */
  public static JavaSocketClient join(String url, String transport, List<String> rooms) {
    return new JavaSocketClient(url, transport, rooms);
  }

  private static JsonNode json(Object[] args, int index) {
    try {
      return args.length > index ? MAPPER.readTree(String.valueOf(args[index])) : null;
    } catch (Exception e) {
      throw new IllegalStateException("client received something that is not JSON", e);
    }
  }

  @Override
  public String describe() {
    return "java-client-2.x/" + transport;
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
  }
}
