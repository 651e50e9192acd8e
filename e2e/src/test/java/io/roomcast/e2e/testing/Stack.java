package io.roomcast.e2e.testing;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.BackendServer;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product for one test class: a MongoDB (embedded unless given), the socket server and
 * the backend serving the page, on free loopback ports, configured through the same settings the
 * processes read. The page's origin is allowed by the socket server, as in production.
 */
public final class Stack implements AutoCloseable {
  private final String mongoUri;
  private final SocketServer socketServer;
  private final BackendServer backend;
  private EmbeddedMongo ownedMongo;

  private Stack(String mongoUri, SocketServer socketServer, BackendServer backend) {
    this.mongoUri = mongoUri;
    this.socketServer = socketServer;
    this.backend = backend;
  }

  /**
   * Room authorization as the launcher runs it: tokens verified with a secret, minted for the page
   * by the backend's development endpoint. Without it, stacks run with {@code ROOM_AUTH=open}.
   */
  public static final Map<String, String> DEV_TOKENS_AUTH =
      Map.of(
          "ROOM_AUTH", "jwt",
          "ROOM_AUTH_JWT_SECRET", "e2e-tests-secret-of-at-least-32-bytes!",
          "DEV_TOKENS", "true");

  /** The whole product on a fresh embedded database that this stack owns and closes. */
  public static Stack start() {
    return startOwned(Map.of());
  }

  /** Like {@link #start()}, with extra settings such as {@link #DEV_TOKENS_AUTH}. */
  public static Stack startOwned(Map<String, String> extraEnv) {
    EmbeddedMongo mongo = EmbeddedMongo.start();
    try {
      Stack stack = start(mongo.connectionString(), extraEnv);
      stack.ownedMongo = mongo;
      return stack;
    } catch (RuntimeException e) {
      mongo.close();
      throw e;
    }
  }

  /**
   * Socket server and backend against the given MongoDB, with extra settings on top of the test
   * defaults ({@code ROOM_AUTH=open} among them).
   */
  public static Stack start(String mongoUri, Map<String, String> extraEnv) {
    // The backend's port goes into the socket server's allowed origins, so it is chosen first.
    int backendPort = FreePorts.next();
    String page = "http://127.0.0.1:" + backendPort;
    Map<String, String> env = new HashMap<>();
    env.put("MONGODB_URI", mongoUri);
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", "0");
    env.put("ADMIN_HOST", "127.0.0.1");
    env.put("ADMIN_PORT", "0");
    env.put("BACKEND_HOST", "127.0.0.1");
    env.put("BACKEND_PORT", Integer.toString(backendPort));
    env.put("ALLOWED_ORIGINS", page + ",http://localhost:" + backendPort);
    env.put("ROOM_AUTH", "open");
    env.putAll(extraEnv);
    SocketServer socketServer = SocketServer.start(SocketServerConfig.from(Settings.from(env)));
    try {
      env.putIfAbsent("PUBLIC_SOCKET_URL", "http://127.0.0.1:" + socketServer.port());
      BackendServer backend = BackendServer.start(BackendConfig.from(Settings.from(env)));
      return new Stack(mongoUri, socketServer, backend);
    } catch (RuntimeException e) {
      socketServer.close();
      throw e;
    }
  }

  public static Stack start(String mongoUri) {
    return start(mongoUri, Map.of());
  }

  public String mongoUri() {
    return mongoUri;
  }

  /** Base URL of the backend and the page, e.g. {@code http://127.0.0.1:40123}. */
  public String backendUrl() {
    return "http://127.0.0.1:" + backend.port();
  }

  /** Base URL Socket.IO clients connect to. */
  public String socketUrl() {
    return "http://127.0.0.1:" + socketServer.port();
  }

  /** Base URL of the socket server's admin port ({@code /metrics}, {@code /health/*}). */
  public String socketAdminUrl() {
    return "http://127.0.0.1:" + socketServer.adminPort();
  }

  @Override
  public void close() {
    backend.close();
    socketServer.close();
    if (ownedMongo != null) {
      ownedMongo.close();
    }
  }
}
