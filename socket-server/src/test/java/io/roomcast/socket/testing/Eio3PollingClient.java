package io.roomcast.socket.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Socket.IO v2 client (Engine.IO 3) over long-polling, speaking the wire protocol with a real
 * HTTP client: socket.io-client-java 1.x (the v2 client) cannot share a classpath with 2.x. Like
 * the v2 JavaScript client with XHR2, it reads binary-framed payloads ({@code 0x00 <length digits>
 * 0xff <packet>}) and posts text-framed ones ({@code <length>:<packet>}).
 */
public final class Eio3PollingClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String sid;
  private final List<String> packets = new CopyOnWriteArrayList<>();

  private Eio3PollingClient(String url, String query) throws Exception {
    String handshakeUrl =
        url + "/socket.io/?EIO=3&transport=polling" + (query.isEmpty() ? "" : "&" + query);
    List<String> opened = decode(get(URI.create(handshakeUrl)));
    if (opened.isEmpty() || !opened.get(0).startsWith("0")) {
      throw new IllegalStateException("no Engine.IO open packet: " + opened);
    }
    sid = JSON.readTree(opened.get(0).substring(1)).path("sid").asText();
    base = handshakeUrl + "&sid=" + sid;
    packets.addAll(opened.subList(1, opened.size()));
  }

  /**
   * Connects and waits for the namespace's CONNECT ({@code 40}), as the v2 client does before it
   * emits anything: netty-socketio joins an EIO=3 session to the namespace on its first poll and
   * drops (with a debug line only) packets posted before that.
   */
  public static Eio3PollingClient connect(String url) throws Exception {
    return connect(url, "");
  }

  /** Connects with extra query parameters, e.g. {@code token=...}, and waits for the CONNECT. */
  public static Eio3PollingClient connect(String url, String query) throws Exception {
    Eio3PollingClient client = handshake(url, query);
    client.awaitPacket("40");
    return client;
  }

  /** Handshakes only: what the first poll brings (CONNECT or an error) is the caller's to await. */
  public static Eio3PollingClient handshake(String url, String query) throws Exception {
    return new Eio3PollingClient(url, query);
  }

  /** The Engine.IO session id the server gave. */
  public String sid() {
    return sid;
  }

  /** Sends one Engine.IO packet, e.g. {@code 420["JoinRoom",[...]]} (a message with ack id 0). */
  public void send(String packet) throws Exception {
    String framed = packet.length() + ":" + packet;
    Http.Reply response =
        RawHttp.send(
            "POST",
            URI.create(base),
            "text/plain;charset=UTF-8",
            framed.getBytes(StandardCharsets.UTF_8));
    if (response.status() != 200) {
      throw new IllegalStateException("POST answered " + response.status());
    }
  }

  /** Polls until a packet starting with {@code prefix} has arrived; returns it. */
  public String awaitPacket(String prefix) {
    return await("EIO=3 packet " + prefix)
        .atMost(JavaClient.TIMEOUT)
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              Optional<String> found = take(prefix);
              if (found.isEmpty()) {
                packets.addAll(decode(get(URI.create(base))));
                found = take(prefix);
              }
              return found;
            },
            found -> found.isPresent())
        .orElseThrow();
  }

  /**
   * Polls until a packet starting with {@code prefix} has arrived; returns every packet received up
   * to and including it, in arrival order.
   */
  public List<String> awaitPacketsUntil(String prefix) {
    List<String> received = new ArrayList<>();
    await("EIO=3 packets until " + prefix)
        .atMost(JavaClient.TIMEOUT)
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              if (packets.isEmpty()) {
                packets.addAll(decode(get(URI.create(base))));
              }
              while (!packets.isEmpty()) {
                String packet = packets.remove(0);
                received.add(packet);
                if (packet.startsWith(prefix)) {
                  return true;
                }
              }
              return false;
            });
    return received;
  }

  /** Removes and returns the first received packet starting with the prefix. */
  private Optional<String> take(String prefix) {
    Optional<String> found = packets.stream().filter(p -> p.startsWith(prefix)).findFirst();
    found.ifPresent(packets::remove);
    return found;
  }

  /** The JSON array after a packet's type digits and ack id, e.g. of {@code 430[{...}]}. */
  public static JsonNode arguments(String packet) throws Exception {
    return JSON.readTree(packet.substring(packet.indexOf('[')));
  }

  private byte[] get(URI uri) throws Exception {
    Http.Reply response = RawHttp.send("GET", uri, Map.of(), new byte[0]);
    if (response.status() != 200) {
      throw new IllegalStateException("GET answered " + response.status());
    }
    return response.bytes();
  }

  /** Splits a binary-framed Engine.IO 3 payload into its packets, e.g. {@code 42["name",…]}. */
  static List<String> decode(byte[] payload) {
    List<String> decoded = new ArrayList<>();
    int i = 0;
    while (i < payload.length) {
      i++; // 0: string data; binary data is never sent here
      int length = 0;
      while ((payload[i] & 0xFF) != 0xFF) {
        length = length * 10 + payload[i++];
      }
      i++;
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.write(payload, i, length);
      i += length;
      decoded.add(data.toString(StandardCharsets.UTF_8));
    }
    return decoded;
  }
}
