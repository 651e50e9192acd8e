package io.roomcast.socket.fuzz;

import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import io.roomcast.socket.testing.RawPolling;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Posts fuzz payloads (several packets each, framed for Engine.IO 3 or 4, sometimes broken) to
 * polling sessions, and now and then a request with a mangled query. Counts the answers by status.
 */
final class PollingFuzzer {
  private static final int MAX_PACKETS_PER_POST = 30;

  private final int port;
  private final Random random;
  private final FrameMutator frames;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private String sid;
  private String eio;
  private long sent;

  PollingFuzzer(int port, Random random) {
    this.port = port;
    this.random = random;
    this.frames = new FrameMutator(random);
  }

  /** Sends at least {@code count} packets. */
  void send(long count) throws Exception {
    long target = sent + count;
    while (sent < target) {
      if (sid == null || random.nextInt(100) == 0) {
        open();
      }
      Http.Reply response = answer();
      statuses.merge(response.status(), 1, Integer::sum);
      if (response.status() != 200) {
        sid = null;
      }
    }
  }

  /** The answer to the next request; status 0 when the server closed without answering. */
  private Http.Reply answer() throws Exception {
    try {
      return random.nextInt(20) == 0
          ? mangledRequest()
          : post(payload(1 + random.nextInt(MAX_PACKETS_PER_POST)));
    } catch (IllegalStateException closedWithoutAnswer) {
      return new Http.Reply(0, Map.of(), new byte[0]);
    }
  }

  private void open() throws Exception {
    eio = random.nextBoolean() ? "4" : "3";
    Http.Reply handshake =
        RawHttp.send(
            "GET",
            RawPolling.uri(port, "EIO=" + eio + "&transport=polling"),
            Map.of(),
            new byte[0]);
    statuses.merge(handshake.status(), 1, Integer::sum);
    String body = handshake.body();
    int at = body.indexOf("\"sid\":\"");
    sid = at < 0 ? null : body.substring(at + 7, body.indexOf('"', at + 7));
  }

  private String payload(int packets) {
    StringBuilder payload = new StringBuilder();
    for (int i = 0; i < packets; i++) {
      String packet = frames.text();
      if (eio.equals("4")) {
        payload.append(i == 0 ? "" : "\u001e").append(packet);
      } else {
        int length = random.nextInt(20) == 0 ? random.nextInt(1000) : packet.length();
        payload.append(length).append(':').append(packet);
      }
      sent++;
    }
    return payload.toString();
  }

  private Http.Reply post(String payload) throws Exception {
    return RawHttp.send(
        "POST",
        RawPolling.uri(port, "EIO=" + eio + "&transport=polling&sid=" + sid),
        Map.of("Content-Type", "text/plain;charset=UTF-8"),
        payload.getBytes(StandardCharsets.UTF_8));
  }

  /** A request with one query parameter mangled: version, sid, transport, b64 or j. */
  private Http.Reply mangledRequest() throws Exception {
    String[] queries = {
      "EIO=" + frames.text() + "&transport=polling&sid=" + sid,
      "EIO=" + eio + "&transport=polling&sid=" + sid + "x",
      "EIO=" + eio + "&transport=" + frames.text() + "&sid=" + sid,
      "EIO=" + eio + "&transport=polling&sid=" + sid + "&b64=" + frames.text(),
      "EIO=" + eio + "&transport=polling&sid=" + sid + "&j=" + frames.text(),
      "EIO=" + eio + "&transport=polling&sid=" + sid + "&b64=1",
    };
    String query = queries[random.nextInt(queries.length)];
    StringBuilder encoded = new StringBuilder();
    for (char c : query.toCharArray()) {
      boolean plain = Character.isLetterOrDigit(c) && c < 128 || "=&-_.".indexOf(c) >= 0;
      encoded.append(plain ? String.valueOf(c) : String.format("%%%02X", c & 0xFF));
    }
    String method = random.nextBoolean() ? "POST" : "PUT";
    sent++;
    return RawHttp.send(
        method,
        RawPolling.uri(port, encoded.toString()),
        Map.of(),
        frames.text().getBytes(StandardCharsets.UTF_8));
  }

  long sent() {
    return sent;
  }

  Map<Integer, Integer> statuses() {
    return statuses;
  }
}
