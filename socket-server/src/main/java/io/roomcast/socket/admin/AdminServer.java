package io.roomcast.socket.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roomcast.common.health.Health;
import io.roomcast.common.metrics.ProcessMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The admin port: {@code GET /metrics} (Prometheus text format), {@code /health/live} and {@code
 * /health/ready} (200, or 503 with the failed checks). The JDK's HTTP server on two threads of its
 * own, so probes and scrapes never run on, or wait for, the Socket.IO event loops.
 */
public final class AdminServer implements AutoCloseable {
  public static final String METRICS = "/metrics";
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";

  private static final int THREADS = 2;
  private static final int BACKLOG = 16;

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds and starts; throws naming the settings when the address cannot be bound. */
  public static AdminServer start(
      String host,
      int port,
      Supplier<String> metrics,
      Supplier<Health> live,
      Supplier<Health> ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + " (" + e + "); set ADMIN_HOST / ADMIN_PORT", e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              Thread thread = new Thread(runnable, "admin-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(
        METRICS, exchange -> answer(exchange, 200, ProcessMetrics.CONTENT_TYPE, metrics.get()));
    server.createContext(LIVE, exchange -> health(exchange, live.get()));
    server.createContext(READY, exchange -> health(exchange, ready.get()));
    server.start();
    return new AdminServer(server, executor);
  }

  private static void health(HttpExchange exchange, Health health) throws IOException {
    answer(exchange, health.httpStatus(), "application/json", health.json());
  }

  /** Contexts match by prefix: anything but the exact path is 404, anything but GET/HEAD 405. */
  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        send(exchange, 404, "text/plain", "not found", method);
      } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "method not allowed", method);
      } else {
        send(exchange, status, type, body, method);
      }
    }
  }

  private static void send(
      HttpExchange exchange, int status, String type, String body, String method)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(method);
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The port bound; the actual one when 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops at once (probes after this are refused) and ends the threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
