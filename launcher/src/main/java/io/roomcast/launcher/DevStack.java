package io.roomcast.launcher;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.BackendServer;
import io.roomcast.common.config.Settings;
import io.roomcast.common.config.SharedSettings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoConfig;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
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
   * Starts the three parts in dependency order. MONGODB_URI is always the embedded database's; room
   * authorization defaults to {@link DevAuthDefaults}; every other variable is read as the
   * components read it, and all of them are validated before anything starts, so a bad value stops
   * startup without side effects.
   */
  public static DevStack start(Map<String, String> env) {
    // The embedded database reads its EMBEDDED_MONGO_* settings as its own process does.
    EmbeddedMongoOptions mongoOptions = EmbeddedMongoConfig.from(Settings.from(env)).options();
    Map<String, String> componentEnv = DevAuthDefaults.apply(env);
    // Validated now with a stand-in address; read again below with the database's real one, which
    // is known only once it listens (EMBEDDED_MONGO_PORT=0 picks any free port).
    ComponentConfigs.read(componentEnv, "mongodb://" + mongoOptions.host());

    EmbeddedMongo mongo = EmbeddedMongo.start(mongoOptions);
    SocketServer socketServer = null;
    try {
      ComponentConfigs configs = ComponentConfigs.read(componentEnv, mongo.connectionString());
      socketServer = SocketServer.start(configs.socketServer());
      return new DevStack(mongo, socketServer, BackendServer.start(configs.backend()));
    } catch (RuntimeException | Error e) {
      if (socketServer != null) {
        socketServer.close();
      }
      mongo.close();
      throw e;
    }
  }

  /** The socket server's and backend's configs, read from the environment with MONGODB_URI set. */
  private record ComponentConfigs(SocketServerConfig socketServer, BackendConfig backend) {
    static ComponentConfigs read(Map<String, String> env, String mongoUri) {
      Map<String, String> componentEnv = new HashMap<>(env);
      componentEnv.put(SharedSettings.MONGODB_URI.name(), mongoUri);
      Settings settings = Settings.from(componentEnv);
      return new ComponentConfigs(SocketServerConfig.from(settings), BackendConfig.from(settings));
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
