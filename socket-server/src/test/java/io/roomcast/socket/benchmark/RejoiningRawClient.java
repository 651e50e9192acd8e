package io.roomcast.socket.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Socket.IO v4 client over the JDK's WebSocket for the replay benchmarks: it joins one
 * room with {@code since}, counts the {@code items} events that arrive and completes when the ack
 * has come and {@code expected} events have.
 */
final class RejoiningRawClient implements WebSocket.Listener {
  private final String room;
  private final String since;
  private final int expected;
  private final AtomicInteger events = new AtomicInteger();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean acked;
  private volatile String ack;
  private CompletableFuture<WebSocket> sending;

  private RejoiningRawClient(String room, String since, int expected) {
    this.room = room;
    this.since = since;
    this.expected = expected;
  }

  static RejoiningRawClient connect(
      HttpClient http, int port, String room, String since, int expected) {
    RejoiningRawClient client = new RejoiningRawClient(room, since, expected);
    URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
    http.newWebSocketBuilder().buildAsync(uri, client);
    return client;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  String ack() {
    return ack;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    sending = CompletableFuture.completedFuture(webSocket);
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      handle(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  private void send(String text) {
    sending = sending.thenCompose(webSocket -> webSocket.sendText(text, true));
  }

  private void handle(String packet) {
    if (packet.startsWith("0{")) {
      send("40");
    } else if (packet.startsWith("40")) {
      send("420[\"JoinRoom\",{\"rooms\":[\"" + room + "\"],\"since\":\"" + since + "\"}]");
    } else if (packet.startsWith("430")) {
      ack = packet;
      acked = true;
      check();
    } else if (packet.equals("2")) {
      send("3");
    } else if (packet.startsWith("42[\"items\"")) {
      events.incrementAndGet();
      check();
    }
  }

  private void check() {
    if (acked && events.get() >= expected) {
      done.complete(null);
    }
  }
}
