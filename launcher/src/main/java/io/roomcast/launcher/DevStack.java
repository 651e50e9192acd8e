package io.roomcast.launcher;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.BackendServer;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoConfig;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product in one JVM for development: the embedded database, the socket server and the
 * backend serving the page, each configured exactly as its own process would be.
 */
public final class DevStack implements AutoCloseable {
  private final EmbeddedMongo mongo;
  private final SocketServer socketServer;
  private final BackendServer backend;

  private DevStack(EmbeddedMongo mongo, SocketServer socketServer, BackendServer backend) {
    this.mongo = mongo;
    this.socketServer = socketServer;
    this.backend = backend;
  }

  /**
   * Starts the three parts in dependency order. MONGODB_URI is always the embedded database's;
   * every other variable is read as the components read it, and all of them are validated before
   * anything starts, so a bad value stops startup without side effects.
   */
  public static DevStack start(Map<String, String> env) {
    // The embedded database reads its EMBEDDED_MONGO_* settings as its own process does.
    EmbeddedMongoOptions mongoOptions = EmbeddedMongoConfig.from(Settings.from(env)).options();
    if (mongoOptions.port() == 0) {
      mongoOptions = mongoOptions.withPort(freePort());
    }
    Map<String, String> componentEnv = new HashMap<>(env);
    componentEnv.put("MONGODB_URI", "mongodb://" + mongoOptions.host() + ":" + mongoOptions.port());
    Settings settings = Settings.from(componentEnv);
    SocketServerConfig socketConfig = SocketServerConfig.from(settings);
    BackendConfig backendConfig = BackendConfig.from(settings);

    EmbeddedMongo mongo = EmbeddedMongo.start(mongoOptions);
    SocketServer socketServer = null;
    try {
      socketServer = SocketServer.start(socketConfig);
      return new DevStack(mongo, socketServer, BackendServer.start(backendConfig));
    } catch (RuntimeException | Error e) {
      if (socketServer != null) {
        socketServer.close();
      }
      mongo.close();
      throw e;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EmbeddedMongo mongo() {
    return mongo;
  }

  public int backendPort() {
    return backend.port();
  }

  public int socketPort() {
    return socketServer.port();
  }

  /** The socket server's admin port: its metrics and health probes. */
  public int socketAdminPort() {
    return socketServer.adminPort();
  }

  /** Stops in reverse order: no new writes, then no new events, then the database. Idempotent. */
  @Override
  public void close() {
    backend.close();
    socketServer.close();
    mongo.close();
  }
}
