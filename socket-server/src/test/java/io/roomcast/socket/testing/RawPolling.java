package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Engine.IO v4 long-polling requests written by hand, each on its own connection. */
public final class RawPolling {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RawPolling() {}

  /** The URI of {@code /socket.io/?<query>} on the port. */
  public static URI uri(int port, String query) {
    return URI.create("http://127.0.0.1:" + port + "/socket.io/?" + query);
  }

  /** A v4 polling handshake with the given extra headers. */
  public static Http.Reply handshake(int port, Map<String, String> headers) throws Exception {
    return RawHttp.send("GET", uri(port, "EIO=4&transport=polling"), headers, new byte[0]);
  }

  /** The sid of a handshake's open packet {@code 0{"sid":...}}. */
  public static String sid(Http.Reply handshake) throws Exception {
    String body = handshake.body();
    if (handshake.status() != 200 || !body.startsWith("0{")) {
      throw new IllegalStateException("not an open packet: " + handshake.status() + " " + body);
    }
    return JSON.readTree(body.substring(1)).path("sid").asText();
  }

  /** Opens a v4 polling session and returns its sid. */
  public static String open(int port) throws Exception {
    return sid(handshake(port, Map.of()));
  }

  public static Http.Reply post(int port, String sid, String payload) throws Exception {
    return post(port, sid, payload.getBytes(StandardCharsets.UTF_8));
  }

  public static Http.Reply post(int port, String sid, byte[] payload) throws Exception {
    return RawHttp.send(
        "POST",
        uri(port, "EIO=4&transport=polling&sid=" + sid),
        Map.of("Content-Type", "text/plain;charset=UTF-8"),
        payload);
  }

  /** One poll: returns what the server had queued (or waits for it, up to its ping interval). */
  public static Http.Reply get(int port, String sid) throws Exception {
    return RawHttp.send(
        "GET", uri(port, "EIO=4&transport=polling&sid=" + sid), Map.of(), new byte[0]);
  }
}
