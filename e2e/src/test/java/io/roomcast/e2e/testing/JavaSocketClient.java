package io.roomcast.e2e.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.json.JSONArray;

/**
 * socket.io-client-java 2.x (Socket.IO v4 protocol) over the given transports ({@code polling},
 * {@code websocket}, or both: polling, then upgrade), optionally from a chosen loopback source
 * address. It joins its rooms on connect and records every event and connection error; it does not
 * reconnect, so a lost session shows up as an error instead of being papered over.
 */
public final class JavaSocketClient extends RecordingClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OkHttpClient http;
  private final Socket socket;

  private JavaSocketClient(
      String url, InetAddress source, List<String> transports, List<String> rooms, String token) {
    super(
        "java-client-2.x/"
            + String.join("+", transports)
            + (source == null ? "" : "@" + source.getHostAddress()));
    OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder().readTimeout(1, TimeUnit.MINUTES);
    if (source != null) {
      httpBuilder.socketFactory(new LoopbackSourceSockets(source));
    }
    http = httpBuilder.build();
    IO.Options options =
        IO.Options.builder()
            .setTransports(transports.toArray(String[]::new))
            .setForceNew(true)
            .setReconnection(false)
            .setAuth(token == null ? null : Map.of("token", token))
            .build();
    options.callFactory = http;
    options.webSocketFactory = http;
    socket = IO.socket(URI.create(url), options);
    socket.onAnyIncoming(
        args -> recordEvent(new ReceivedEvent((String) args[0], json(args, 1), json(args, 2))));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> recordError(String.valueOf(args[0])));
    socket.on(Socket.EVENT_DISCONNECT, args -> recordError("disconnected: " + args[0]));
    socket.on(
        Socket.EVENT_CONNECT,
        ignored ->
            socket.emit(
                "JoinRoom",
                new Object[] {new JSONArray(rooms)},
                ack -> recordJoinAck(json(ack, 0))));
    socket.connect();
  }

  /** Connects over one transport and joins the rooms. */
  public static JavaSocketClient join(String url, String transport, List<String> rooms) {
    return new JavaSocketClient(url, null, List.of(transport), rooms, null);
  }

  /** Connects over one transport presenting the token in the handshake, joins the rooms. */
  public static JavaSocketClient joinWithToken(
      String url, String transport, List<String> rooms, String token) {
    return new JavaSocketClient(url, null, List.of(transport), rooms, token);
  }

  /** Connects from a loopback source address (127.x.y.z) over the transports, joins the rooms. */
  public static JavaSocketClient join(
      String url, InetAddress source, List<String> transports, List<String> rooms) {
    return new JavaSocketClient(url, source, transports, rooms, null);
  }

  private static JsonNode json(Object[] args, int index) {
    try {
      return args.length > index ? MAPPER.readTree(String.valueOf(args[index])) : null;
    } catch (Exception e) {
      throw new IllegalStateException("client received something that is not JSON", e);
    }
  }

  @Override
  public void close() {
    socket.off();
    socket.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
