package io.roomcast.backend.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.roomcast.backend.BackendConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's own limits against slow and numerous clients (slowloris), set from {@link BackendConfig}
 * (docs/security.md explains each): a connection limit, an idle timeout on every read (a request
 * that sends nothing for BACKEND_REQUEST_TIMEOUT_MS gets a 408 and is closed), a header size limit,
 * and a bounded thread pool with a thread for every connection the limit admits. A route reads its
 * body with a blocking read, so a stalled body holds a thread until the timeout; with more threads
 * than connections, stalled clients can never take the thread of another client.
 */
public final class JettyLimits {
  /** Threads beyond one per connection: Jetty's acceptor and selectors, and spare. */
  static final int SPARE_THREADS = 32;

  private static final int MIN_THREADS = 8;
  private static final int THREAD_IDLE_MS = 60_000;

  private JettyLimits() {}

  public static void apply(JavalinConfig javalin, BackendConfig config) {
    QueuedThreadPool threads =
        new QueuedThreadPool(config.maxConnections() + SPARE_THREADS, MIN_THREADS, THREAD_IDLE_MS);
    threads.setName("backend-http");
    javalin.jetty.threadPool = threads;
    // A body read that times out is a 408 (Javalin logs it at DEBUG), never a 500.
    javalin.jetty.timeoutStatus = HttpStatus.REQUEST_TIMEOUT.getCode();
    javalin.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(config.maxHeaderBytes());
          http.setIdleTimeout(config.requestTimeoutMs());
          http.setSendServerVersion(false);
        });
    javalin.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(config.host());
          connector.setPort(config.port());
          connector.setIdleTimeout(config.requestTimeoutMs());
          return connector;
        });
    javalin.jetty.modifyServer(
        server -> {
          server.addBean(new NetworkConnectionLimit(config.maxConnections(), server));
          server.setErrorHandler(new JsonErrorHandler());
        });
  }
}
