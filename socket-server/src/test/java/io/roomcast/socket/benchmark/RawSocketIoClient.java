package io.roomcast.socket.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * A minimal Socket.IO v4 client over the JDK's WebSocket, for the benchmark only: a thousand
 * socket.io-client-java instances would each add threads and funnel every event through that
 * library's single event thread, so the figures would describe the client rather than the server.
 * It answers pings, connects (with a token in {@code jwt} mode), joins one room and reports, for
 * each change event, the send time it carries.
 */
final class RawSocketIoClient extends RawSocketIoListener {
  private final String room;
  private final String token;
  private final LongConsumer onSentNanos;
  private final CountDownLatch joined;

  private RawSocketIoClient(
      String room, String token, LongConsumer onSentNanos, CountDownLatch joined) {
    this.room = room;
    this.token = token;
    this.onSentNanos = onSentNanos;
    this.joined = joined;
  }

  static CompletableFuture<WebSocket> connect(
      HttpClient http,
      int port,
      String room,
      String token,
      LongConsumer onSentNanos,
      CountDownLatch joined) {
    URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
    return http.newWebSocketBuilder()
        .buildAsync(uri, new RawSocketIoClient(room, token, onSentNanos, joined));
  }

  @Override
  void handle(String packet) {
    if (packet.startsWith("0{")) {
      // Engine.IO open: connect to the default namespace, with the token when there is one
      send(token == null ? "40" : "40{\"token\":\"" + token + "\"}");
    } else if (packet.startsWith("40")) {
      send("420[\"JoinRoom\",[\"" + room + "\"]]");
    } else if (packet.startsWith("430")) {
      joined.countDown();
    } else if (packet.equals("2")) {
      send("3"); // ping -> pong
    } else if (packet.startsWith("42[\"bench\"")) {
      int at = packet.indexOf("\"sent\":");
      if (at >= 0) {
        int end = at + 7;
        while (end < packet.length() && Character.isDigit(packet.charAt(end))) {
          end++;
        }
        onSentNanos.accept(Long.parseLong(packet.substring(at + 7, end)));
      }
    }
  }
}
