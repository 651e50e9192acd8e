package io.roomcast.backend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.auth.Grants;
import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.auth.TokenVerifier;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DEV_TOKENS: the token endpoint, its refusals, and the rules that keep it off the network. */
class DevTokenIT {
  private static final String SECRET = "dev-token-tests-secret-of-at-least-32-bytes";
  private static final Map<String, String> SETTINGS =
      Map.of(
          "DEV_TOKENS", "true",
          "ROOM_AUTH_JWT_SECRET", SECRET,
          "DEV_TOKEN_TTL_SECONDS", "60",
          "ROOM_AUTH_CLOCK_SKEW_SECONDS", "0");

  @Test
  void mintsShortLivedTokensForTheRoomsAskedThatTheVerifierAccepts() throws Exception {
    String room = UUID.randomUUID().toString();
    try (TestBackend backend = TestBackend.start(SETTINGS);
        TokenVerifier verifier = TokenVerifier.create(JwtSettings.from(Settings.from(SETTINGS)))) {
      Http http = backend.http();
      assertEquals("/dev/token", http.get("/config.json").json().path("tokenPath").asText());
      Http.Reply reply =
          http.json("POST", "/dev/token", "{\"rooms\":[\"" + room.toUpperCase() + "\"]}");
      assertEquals(200, reply.status(), reply.toString());
      Grants grants = verifier.verify(reply.json().path("token").asText());
      assertEquals(java.util.Set.of(room), grants.rooms());
      assertTrue(grants.expiresAt().isBefore(Instant.now().plus(Duration.ofSeconds(61))));
      assertEquals(200, http.json("POST", "/dev/token", "{\"rooms\":[]}").status());

      for (String bad :
          new String[] {
            "{}",
            "{\"rooms\":\"x\"}",
            "{\"rooms\":[\"*\"]}",
            "{\"rooms\":[1]}",
            "{\"rooms\":[],\"scope\":\"write\"}"
          }) {
        Http.Reply refused = http.json("POST", "/dev/token", bad);
        assertEquals(400, refused.status(), bad + " -> " + refused);
        assertTrue(!refused.error().isEmpty());
      }
    }
  }

  @Test
  void withoutDevTokensThereIsNoEndpoint() {
    try (TestBackend backend = TestBackend.start()) {
      assertEquals(404, backend.http().json("POST", "/dev/token", "{\"rooms\":[]}").status());
    }
  }

  @Test
  void devTokensRefuseANonLoopbackAddressOrAMissingSecret() {
    Map<String, String> remote = new HashMap<>(SETTINGS);
    remote.put("BACKEND_HOST", "0.0.0.0");
    String message =
        assertThrows(ConfigException.class, () -> BackendConfig.from(Settings.from(remote)))
            .getMessage();
    assertTrue(message.contains("BACKEND_HOST"), message);
    remote.put("DEV_TOKENS_ALLOW_REMOTE", "true");
    BackendConfig.from(Settings.from(remote));
    assertThrows(
        ConfigException.class,
        () -> BackendConfig.from(Settings.from(Map.of("DEV_TOKENS", "true"))));
    assertThrows(
        ConfigException.class,
        () -> BackendConfig.from(Settings.from(Map.of("DEV_TOKENS", "yes"))));
  }
}
