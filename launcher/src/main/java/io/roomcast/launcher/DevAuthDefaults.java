package io.roomcast.launcher;

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
    if (env.containsKey("ROOM_AUTH")) {
      return withDefaults;
    }
    withDefaults.put("ROOM_AUTH", "jwt");
    if (!env.containsKey("ROOM_AUTH_JWKS_URL")) {
      withDefaults.putIfAbsent("ROOM_AUTH_JWT_SECRET", randomSecret());
      withDefaults.putIfAbsent("DEV_TOKENS", "true");
    }
    withDefaults.putIfAbsent("BACKEND_HOST", "127.0.0.1");
    withDefaults.putIfAbsent("SOCKET_HOST", "127.0.0.1");
    return withDefaults;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
