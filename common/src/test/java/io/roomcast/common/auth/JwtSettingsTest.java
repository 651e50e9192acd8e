package io.roomcast.common.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {
  private static String message(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> JwtSettings.from(Settings.from(env)))
        .getMessage();
  }

  @Test
  void aShortSecretIsRefusedWithoutPrintingIt() {
    String message = message(Map.of("ROOM_AUTH_JWT_SECRET", "short-secret"));
    assertTrue(message.contains("ROOM_AUTH_JWT_SECRET"), message);
    assertTrue(message.contains("32"), message);
    assertFalse(message.contains("short-secret"), message);
  }

  @Test
  void exactlyOneKeySourceIsRequired() {
    assertTrue(message(Map.of()).contains("ROOM_AUTH_JWKS_URL"));
    assertTrue(
        message(
                Map.of(
                    "ROOM_AUTH_JWT_SECRET",
                    TokenVerifierTest.SECRET,
                    "ROOM_AUTH_JWKS_URL",
                    "https://idp.test/jwks"))
            .contains("exactly one"));
  }

  @Test
  void theJwksUrlMustBeHttp() {
    assertTrue(
        message(Map.of("ROOM_AUTH_JWKS_URL", "file:///etc/keys")).contains("ROOM_AUTH_JWKS_URL"));
    assertTrue(message(Map.of("ROOM_AUTH_JWKS_URL", "not a url")).contains("ROOM_AUTH_JWKS_URL"));
  }

  @Test
  void limitsAreChecked() {
    Map<String, String> base = Map.of("ROOM_AUTH_JWT_SECRET", TokenVerifierTest.SECRET);
    assertTrue(
        message(with(base, "ROOM_AUTH_CLOCK_SKEW_SECONDS", "301"))
            .contains("ROOM_AUTH_CLOCK_SKEW_SECONDS"));
    assertTrue(
        message(with(base, "ROOM_AUTH_MAX_GRANTED_ROOMS", "0"))
            .contains("ROOM_AUTH_MAX_GRANTED_ROOMS"));
  }

  @Test
  void toStringHidesTheSecret() {
    JwtSettings settings =
        JwtSettings.from(Settings.from(Map.of("ROOM_AUTH_JWT_SECRET", TokenVerifierTest.SECRET)));
    assertFalse(settings.toString().contains(TokenVerifierTest.SECRET));
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    java.util.HashMap<String, String> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
