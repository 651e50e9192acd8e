package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;

/**
 * socket.io-client-java 2.x (protocol v4) as a {@link RejoiningClient}: its own reconnection
 * (100-500 ms) and a JoinRoom after every connect.
 */
final class JavaRejoiningClient extends RejoiningClient {
  private final Socket socket;
  private final AtomicInteger disconnects = new AtomicInteger();

  JavaRejoiningClient(String url, String room, boolean since, String transport, Tally tally) {
    super(room, since, tally);
    IO.Options options =
        IO.Options.builder()
            .setTransports(new String[] {transport})
            .setForceNew(true)
            .setReconnection(true)
            .setReconnectionDelay(100)
            .setReconnectionDelayMax(500)
            .build();
    socket = IO.socket(URI.create(url), TestOkHttp.use(options));
    socket.on(Socket.EVENT_CONNECT, args -> join());
    socket.on(Socket.EVENT_DISCONNECT, args -> disconnects.incrementAndGet());
    socket.on(
        "items",
        args -> {
          JsonNode body = JavaClient.json(args, 0).get(0);
          JsonNode meta = JavaClient.json(args, 1).get(0);
          tally.record(body.path("n").asInt(), meta.path("id").asText());
        });
    socket.connect();
  }

  @Override
  public RejoiningClient moveTo(String url) {
    return new JavaRejoiningClient(url, room, true, "websocket", tally);
  }

  private void join() {
    JsonNode payload = joinPayload();
    Object argument =
        payload.isArray()
            ? new JSONArray(List.of(room))
            : JavaClient.joinSincePayload(room, payload.path("since").asText());
    socket.emit(
        "JoinRoom", new Object[] {argument}, reply -> acked(JavaClient.json(reply, 0).get(0)));
  }

  @Override
  public String toString() {
    return disconnects + " disconnects, " + super.toString();
  }

  @Override
  public void close() {
    socket.off();
    socket.close();
  }
}
