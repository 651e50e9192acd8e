package io.roomcast.socket.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Socket.IO v4 client over the JDK's WebSocket for the replay benchmarks: it joins one
 * room with {@code since}, counts the {@code items} events that arrive and completes when the ack
 * has come and {@code expected} events have.
 */
final class RejoiningRawClient extends RawSocketIoListener {
  private final String room;
  private final String since;
  private final int expected;
  private final AtomicInteger events = new AtomicInteger();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile boolean acked;
  private volatile String ack;

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

  int events() {
    return events.get();
  }

  String ack() {
    return ack;
  }

  @Override
  void handle(String packet) {
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
