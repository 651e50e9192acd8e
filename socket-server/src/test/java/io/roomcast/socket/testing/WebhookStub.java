package io.roomcast.socket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A room-authorization webhook on a free loopback port. It allows the asked rooms except the denied
 * ones for {@code ttlSeconds}, or misbehaves as told: answers late, garbage, an error status, or
 * too much. It records each request it got.
 */
public final class WebhookStub implements AutoCloseable {
  /** How the next answers behave. */
  public enum Mode {
    ANSWER,
    SLOW,
    GARBAGE,
    ERROR_STATUS,
    OVERSIZED
  }

  /** One request as received. */
  public record Request(JsonNode body, String cookie, String authorization) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.ANSWER;
  private volatile Set<String> denied = Set.of();
  private volatile int ttlSeconds = 60;

  private WebhookStub(HttpServer http) {
    this.http = http;
  }

  public static WebhookStub start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookStub stub = new WebhookStub(http);
    http.createContext("/rooms", stub::handle);
    http.setExecutor(stub.threads);
    http.start();
    return stub;
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(
        new Request(
            body,
            exchange.getRequestHeaders().getFirst("Cookie"),
            exchange.getRequestHeaders().getFirst("Authorization")));
    switch (mode) {
      case SLOW -> {
        try {
          released.await(); // answers only when the test ends: later than any timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(exchange, 200, "{\"allowed\":[],\"ttlSeconds\":60}");
      }
      case GARBAGE -> reply(exchange, 200, "{\"allowed\": \"everything\"}");
      case ERROR_STATUS -> reply(exchange, 500, "{}");
      case OVERSIZED -> reply(exchange, 200, "{\"allowed\":[\"" + "x".repeat(100_000) + "\"]}");
      default -> {
        ObjectNode answer = JSON.createObjectNode().put("ttlSeconds", ttlSeconds);
        for (JsonNode room : body.path("rooms")) {
          if (!denied.contains(room.asText())) {
            answer.withArray("allowed").add(room.asText());
          }
        }
        answer.withArray("allowed");
        reply(exchange, 200, answer.toString());
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/rooms";
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public void deny(Set<String> rooms) {
    this.denied = Set.copyOf(rooms);
  }

  public void ttlSeconds(int seconds) {
    this.ttlSeconds = seconds;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    released.countDown();
    http.stop(0);
    threads.shutdownNow();
  }
}
