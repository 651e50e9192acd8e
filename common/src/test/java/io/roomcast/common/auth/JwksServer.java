package io.roomcast.common.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A JWKS endpoint on a free loopback port, serving whatever key set the test publishes. */
final class JwksServer implements AutoCloseable {
  private final HttpServer http;

  private JwksServer(HttpServer http) {
    this.http = http;
  }

  static JwksServer start(Supplier<String> jwks) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/jwks",
        exchange -> {
          byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
    return new JwksServer(http);
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks";
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
