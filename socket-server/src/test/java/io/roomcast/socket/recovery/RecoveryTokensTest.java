package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.auth.TokenMinter;
import io.roomcast.common.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryTokensTest {
  private static final String SECRET = "recovery-unit-test-secret-of-32-bytes-min";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static RecoveryTokens tokens(String secret, Instant now) {
    return new RecoveryTokens(
        secret.getBytes(StandardCharsets.UTF_8),
        Duration.ofMinutes(10),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void anIssuedPidNamesARandomSessionAndChecksValid() {
    RecoveryTokens tokens = tokens(SECRET, NOW);
    RecoveryTokens.Valid issued = tokens.issue();
    assertEquals(issued, tokens.check(issued.pid()));
    assertNotEquals(issued.sessionId(), tokens.issue().sessionId());
  }

  @Test
  void aPidPastItsLifetimeIsExpired() {
    String pid = tokens(SECRET, NOW).issue().pid();
    assertInstanceOf(RecoveryTokens.Valid.class, tokens(SECRET, NOW.plusSeconds(599)).check(pid));
    assertInstanceOf(RecoveryTokens.Expired.class, tokens(SECRET, NOW.plusSeconds(600)).check(pid));
  }

  @Test
  void alteredForeignForgedAndOtherTokensAreInvalid() {
    RecoveryTokens tokens = tokens(SECRET, NOW);
    String pid = tokens.issue().pid();
    String[] parts = pid.split("\\.");
    String otherSession = tokens.issue().pid().split("\\.")[1];
    String foreign = tokens("another-secret-that-is-32-bytes-or-longer", NOW).issue().pid();
    String roomToken =
        new TokenMinter(JwtSettings.from(Settings.from(Map.of("ROOM_AUTH_JWT_SECRET", SECRET))))
            .mint(List.of("*"), NOW.plusSeconds(60));
    for (String bad :
        List.of(
            parts[0] + "." + otherSession + "." + parts[2],
            parts[0] + "." + parts[1] + "." + parts[2].substring(1),
            foreign,
            roomToken,
            "eyJhbGciOiJub25lIn0." + parts[1] + ".",
            "",
            "garbage")) {
      assertInstanceOf(RecoveryTokens.Invalid.class, tokens.check(bad), bad);
    }
  }
}
