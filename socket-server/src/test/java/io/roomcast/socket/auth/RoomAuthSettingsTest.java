package io.roomcast.socket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomAuthSettingsTest {
  private static String refusal(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> RoomAuthSettings.from(Settings.from(env)))
        .getMessage();
  }

  @Test
  void jwtIsTheDefaultAndNeedsAKeySource() {
    String message = refusal(Map.of());
    assertTrue(message.contains("ROOM_AUTH_JWT_SECRET"), message);
    assertTrue(message.contains("ROOM_AUTH=open"), message);
  }

  @Test
  void webhookModeNeedsAnHttpUrlAndReadsItsLimits() {
    assertTrue(refusal(Map.of("ROOM_AUTH", "webhook")).contains("ROOM_AUTH_WEBHOOK_URL"));
    assertTrue(
        refusal(Map.of("ROOM_AUTH", "webhook", "ROOM_AUTH_WEBHOOK_URL", "ftp://auth"))
            .contains("ROOM_AUTH_WEBHOOK_URL"));
    assertTrue(
        refusal(
                Map.of(
                    "ROOM_AUTH", "webhook",
                    "ROOM_AUTH_WEBHOOK_URL", "http://auth.test/rooms",
                    "ROOM_AUTH_WEBHOOK_TIMEOUT_MS", "40000"))
            .contains("ROOM_AUTH_WEBHOOK_TIMEOUT_MS"));
    RoomAuthSettings settings =
        RoomAuthSettings.from(
            Settings.from(
                Map.of(
                    "ROOM_AUTH", "WebHook",
                    "ROOM_AUTH_WEBHOOK_URL", "http://auth.test/rooms",
                    "ROOM_AUTH_WEBHOOK_TIMEOUT_MS", "300")));
    assertEquals(RoomAuthMode.WEBHOOK, settings.mode());
    assertEquals(Duration.ofMillis(300), settings.webhookTimeout());
  }

  @Test
  void aBadCookieNameOrModeIsRefused() {
    assertTrue(
        refusal(Map.of("ROOM_AUTH", "open", "ROOM_AUTH_COOKIE", "a b"))
            .contains("ROOM_AUTH_COOKIE"));
    assertTrue(refusal(Map.of("ROOM_AUTH", "none")).contains("jwt, webhook or open"));
  }
}
