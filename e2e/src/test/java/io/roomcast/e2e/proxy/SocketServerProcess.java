package io.roomcast.e2e.proxy;

import static org.awaitility.Awaitility.await;

import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.JavaProcess;
import java.time.Duration;
import java.util.Map;

/**
 * A socket server in its own JVM, started by its main class with environment variables as in the
 * socket-server image, on a free loopback port.
 */
final class SocketServerProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private final JavaProcess process;
  private final int port;
  private final int adminPort;

  private SocketServerProcess(JavaProcess process, int port, int adminPort) {
    this.process = process;
    this.port = port;
    this.adminPort = adminPort;
  }

  static SocketServerProcess start(String mongoUri, String allowedOrigins, int nodeId) {
    int port = FreePorts.next();
    int adminPort = FreePorts.next();
    JavaProcess process =
        JavaProcess.start(
            "io.roomcast.socket.SocketServerMain",
            Map.of(
                "MONGODB_URI",
                mongoUri,
                "SOCKET_HOST",
                "127.0.0.1",
                "SOCKET_PORT",
                Integer.toString(port),
                "ALLOWED_ORIGINS",
                allowedOrigins,
                "ROOM_AUTH",
                "open",
                "ADMIN_HOST",
                "127.0.0.1",
                "ADMIN_PORT",
                Integer.toString(adminPort),
                "SHUTDOWN_DELAY",
                "0",
                "NODE_ID",
                Integer.toString(nodeId)));
    SocketServerProcess server = new SocketServerProcess(process, port, adminPort);
    try {
      await("socket server on " + port).atMost(STARTUP).until(server::acceptsConnections);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw new AssertionError(
          "socket server did not start:\n" + String.join("\n", process.output()), e);
    }
  }

  private boolean acceptsConnections() {
    if (!process.isAlive()) {
      throw new IllegalStateException("socket server exited");
    }
    // The admin port opens last, once the streams are open: started means both accept.
    return FreePorts.accepting(port) && FreePorts.accepting(adminPort);
  }

  int port() {
    return port;
  }

  /** The admin port: metrics and health probes. */
  int adminPort() {
    return adminPort;
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.terminate(15);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.close();
    }
  }
}
