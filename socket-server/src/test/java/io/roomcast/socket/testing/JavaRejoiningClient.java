package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * socket.io-client-java 2.x (protocol v4) as an application that must not miss changes uses it:
 * after every (re)connect it joins its room again with {@code since} = the {@code meta.id} of the
 * last change it received, and counts what arrives in a {@link Tally}. With {@code since} off it
 * rejoins with a plain array, as the seed clients do (and misses what happened in between).
 */
final class JavaRejoiningClient implements RejoiningClient {
  private final Socket socket;
  private final String room;
  private final boolean since;
  private final Tally tally;
  private final List<JsonNode> acks = new CopyOnWriteArrayList<>();
  private final AtomicInteger disconnects = new AtomicInteger();

  JavaRejoiningClient(String url, String room, boolean since, String transport, Tally tally) {
    this.room = room;
    this.since = since;
    this.tally = tally;
    IO.Options options =
        IO.Options.builder()
            .setTransports(new String[] {transport})
            .setForceNew(true)
            .setReconnection(true)
            .setReconnectionDelay(100)
            .setReconnectionDelayMax(500)
            .build();
    socket = IO.socket(URI.create(url), options);
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
    Object payload;
    String last = tally.lastId();
    if (since && last != null) {
      payload = new JSONObject(Map.of("rooms", new JSONArray(List.of(room)), "since", last));
    } else {
      payload = new JSONArray(List.of(room));
    }
    socket.emit(
        "JoinRoom", new Object[] {payload}, reply -> acks.add(JavaClient.json(reply, 0).get(0)));
  }

  @Override
  public Tally tally() {
    return tally;
  }

  @Override
  public List<JsonNode> acks() {
    return List.copyOf(acks);
  }

  @Override
  public String toString() {
    return disconnects + " disconnects, acks " + acks;
  }

  @Override
  public void close() {
    socket.off();
    socket.close();
  }
}
