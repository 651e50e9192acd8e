package io.roomcast.socket.testing;

import io.roomcast.common.config.Settings;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import java.util.HashMap;
import java.util.Map;

/** The one way tests start a socket server: loopback, a free port, test origins allowed. */
public final class SocketServers {
  /** The browser origin tests present as allowed. */
  public static final String ALLOWED_ORIGIN = "http://allowed.test:8082";

  /** An origin that is not on the list. */
  public static final String OTHER_ORIGIN = "http://evil.test:8082";

  private SocketServers() {}

  /** A server watching database {@code app} of the given MongoDB. */
  public static SocketServer start(String mongoUri) {
    return start(mongoUri, Map.of());
  }

  /**
   * A server with extra settings on top of the test defaults, which include {@code ROOM_AUTH=open}
   * (the tests of authorization set their own mode).
   */
  public static SocketServer start(String mongoUri, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("MONGODB_URI", mongoUri);
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", "0");
    env.put("ALLOWED_ORIGINS", ALLOWED_ORIGIN);
    env.put("ROOM_AUTH", "open");
    env.put("ADMIN_HOST", "127.0.0.1");
    env.put("ADMIN_PORT", "0");
    env.putAll(extra);
    return SocketServer.start(SocketServerConfig.from(Settings.from(env)));
  }

  /** The base URL of the admin port (metrics, health). */
  public static String adminUrl(SocketServer server) {
    return "http://127.0.0.1:" + server.adminPort();
  }

  /** The base URL clients connect to. */
  public static String url(SocketServer server) {
    return "http://127.0.0.1:" + server.port();
  }
}
