package io.roomcast.e2e.proxy;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.BackendServer;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compose demo's topology on loopback: the embedded database, the backend, and two socket
 * servers in their own JVMs, ready for nginx fronts built from the demo's config. The first front's
 * port is fixed up front because the servers must allow its origin, as in the demo.
 */
final class ProxiedStack implements AutoCloseable {
  private final Path nginx;
  private final Path temp;
  private final int frontPort;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private EmbeddedMongo mongo;
  private BackendServer backend;
  private final List<SocketServerProcess> socketServers = new ArrayList<>();
  private Path pageDir;

  private ProxiedStack(Path nginx, Path temp) {
    this.nginx = nginx;
    this.temp = temp;
    this.frontPort = FreePorts.next();
  }

  static ProxiedStack start(Path nginx, Path temp) {
    ProxiedStack stack = new ProxiedStack(nginx, temp);
    try {
      stack.startServices();
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startServices() {
    String origins = "http://127.0.0.1:" + frontPort + ",http://localhost:" + frontPort;
    mongo = EmbeddedMongo.start();
    toClose.add(mongo::close);
    for (int node = 1; node <= 2; node++) {
      // socket-server-N has NODE_ID N, as in docker-compose.yml and upstreams.conf's map.
      SocketServerProcess server =
          SocketServerProcess.start(mongo.connectionString(), origins, node);
      toClose.add(server);
      socketServers.add(server);
    }
    Map<String, String> env =
        Map.of(
            "MONGODB_URI", mongo.connectionString(),
            "BACKEND_HOST", "127.0.0.1",
            "BACKEND_PORT", "0",
            "PUBLIC_SOCKET_URL", "/",
            "CORS_ORIGINS", origins);
    backend = BackendServer.start(BackendConfig.from(Settings.from(env)));
    toClose.add(backend::close);
    pageDir = PageFiles.extract(temp.resolve("html"));
  }

  /**
   * Starts an nginx front from the demo config; {@code sticky} false ignores the sid (every
   * Socket.IO request to the least busy node).
   */
  NginxProcess startFront(String name, int port, boolean sticky) {
    Path dir = temp.resolve(name);
    try {
      Files.createDirectories(dir);
      FrontConfig.write(dir, port, pageDir, upstreams(), sticky);
      PageFiles.readableByAll(temp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NginxProcess front = NginxProcess.start(nginx, dir, port);
    toClose.add(front);
    return front;
  }

  FrontConfig.Upstreams upstreams() {
    return FrontConfig.Upstreams.of(
        backend.port(), socketServers.get(0).port(), socketServers.get(1).port());
  }

  /** The port whose origin the servers allow, for the main front. */
  int frontPort() {
    return frontPort;
  }

  List<Integer> socketPorts() {
    return socketServers.stream().map(SocketServerProcess::port).toList();
  }

  /** The socket servers' admin ports (metrics, health). */
  List<Integer> socketAdminPorts() {
    return socketServers.stream().map(SocketServerProcess::adminPort).toList();
  }

  int backendPort() {
    return backend.port();
  }

  Path pageDir() {
    return pageDir;
  }

  /** Stops everything started, newest first; each close is attempted even if one fails. */
  @Override
  public void close() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        System.err.println("closing " + toClose.get(i) + " failed: " + e);
      }
    }
    toClose.clear();
  }
}
