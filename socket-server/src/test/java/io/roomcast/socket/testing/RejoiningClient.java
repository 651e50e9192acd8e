package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application that must not miss changes: after every (re)connect it joins its room again with
 * {@code since} = the {@code meta.id} of the last change it received, and counts what arrives in a
 * {@link Tally}. With {@code since} off it rejoins with a plain array, as the seed clients do (and
 * misses what happened in between). Both client protocols, over websocket.
 */
public abstract class RejoiningClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final String room;
  final Tally tally;
  private final boolean since;
  private final List<JsonNode> acks = new CopyOnWriteArrayList<>();

  RejoiningClient(String room, boolean since, Tally tally) {
    this.room = room;
    this.since = since;
    this.tally = tally;
  }

  /**
   * Connects to {@code url} with Engine.IO protocol {@code eio} (4: socket.io-client-java; 3: the
   * Socket.IO v2 protocol on a raw websocket) and joins {@code room}, rejoining after each drop.
   */
  public static RejoiningClient connect(int eio, String url, String room, boolean since) {
    return switch (eio) {
      case 4 -> new JavaRejoiningClient(url, room, since, "websocket", new Tally());
      case 3 -> new Eio3RejoiningClient(url, room, since, new Tally());
      default -> throw new IllegalArgumentException("no client for EIO=" + eio);
    };
  }

  /**
   * The same application moved to another server ({@code url}), same protocol: it joins from where
   * this one stopped, counting into the same tally. Close this one first.
   */
  public abstract RejoiningClient moveTo(String url);

  /** JoinRoom's argument now: the room with {@code since} = the last change seen, if any. */
  final JsonNode joinPayload() {
    String last = tally.lastId();
    if (!since || last == null) {
      return JSON.createArrayNode().add(room);
    }
    ObjectNode payload = JSON.createObjectNode().put("since", last);
    payload.putArray("rooms").add(room);
    return payload;
  }

  final void acked(JsonNode ack) {
    acks.add(ack);
  }

  public final Tally tally() {
    return tally;
  }

  /** Every JoinRoom ack so far, in order. */
  public final List<JsonNode> acks() {
    return List.copyOf(acks);
  }

  @Override
  public String toString() {
    return "acks " + acks;
  }

  @Override
  public abstract void close();
}
