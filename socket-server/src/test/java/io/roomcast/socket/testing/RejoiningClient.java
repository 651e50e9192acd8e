package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An application that must not miss changes: after every (re)connect it joins its room again with
 * {@code since} = the {@code meta.id} of the last change it received, and counts what arrives in a
 * {@link Tally}. With {@code since} off it rejoins with a plain array, as the seed clients do (and
 * misses what happened in between). Both client protocols, over websocket.
 */
public interface RejoiningClient extends AutoCloseable {
  /**
   * Connects to {@code url} with Engine.IO protocol {@code eio} (4: socket.io-client-java; 3: the
   * Socket.IO v2 protocol on a raw websocket) and joins {@code room}, rejoining after each drop.
   */
  static RejoiningClient connect(int eio, String url, String room, boolean since) {
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
  RejoiningClient moveTo(String url);

  Tally tally();

  /** Every JoinRoom ack so far, in order. */
  List<JsonNode> acks();

  @Override
  void close();
}
