package io.roomcast.launcher;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.auth.BackendAuthSettings;
import io.roomcast.common.auth.JwtSettings;
import io.roomcast.socket.auth.RoomAuthSettings;
import io.roomcast.socket.config.SocketServerConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The launcher's room authorization unless ROOM_AUTH is set: {@code jwt} with a secret generated
 * for this run (shared by the socket server and the backend in this one JVM, never printed), the
 * backend's development token endpoint on, and both servers on the loopback address, so that the
 * page works as it will in production (it presents a token) while nothing is open to the network.
 */
final class DevAuthDefaults {
  private static final int SECRET_BYTES = 32;

  private DevAuthDefaults() {}

  /** The environment with the defaults added; what the caller set is kept. */
  static Map<String, String> apply(Map<String, String> env) {
    Map<String, String> withDefaults = new HashMap<>(env);
    if (env.containsKey(RoomAuthSettings.ROOM_AUTH.name())) {
      return withDefaults;
    }
    withDefaults.put(RoomAuthSettings.ROOM_AUTH.name(), "jwt");
    if (!env.containsKey(JwtSettings.ROOM_AUTH_JWKS_URL.name())) {
      withDefaults.putIfAbsent(JwtSettings.ROOM_AUTH_JWT_SECRET.name(), randomSecret());
      withDefaults.putIfAbsent(BackendAuthSettings.DEV_TOKENS.name(), "true");
    }
    withDefaults.putIfAbsent(BackendConfig.BACKEND_HOST.name(), "127.0.0.1");
    withDefaults.putIfAbsent(SocketServerConfig.SOCKET_HOST.name(), "127.0.0.1");
    return withDefaults;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
